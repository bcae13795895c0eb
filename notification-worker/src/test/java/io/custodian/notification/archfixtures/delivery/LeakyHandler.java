package io.custodian.notification.archfixtures.delivery;

import jakarta.ws.rs.core.Response;

/** Feature code that answers with a JAX-RS type: not a resource, not web. */
class LeakyHandler {

    Response handle() {
        return Response.accepted().build();
    }
}
