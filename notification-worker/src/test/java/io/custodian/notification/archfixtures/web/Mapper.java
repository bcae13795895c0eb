package io.custodian.notification.archfixtures.web;

import jakarta.ws.rs.core.Response;

/** HTTP plumbing where it belongs. Breaks no rule. */
class Mapper {

    Response notFound() {
        return Response.status(404).build();
    }
}
