package io.custodian.asset.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.custodian.asset.Api;
import io.custodian.asset.web.OpenApiContract.Field;
import io.custodian.asset.web.OpenApiContract.Operation;
import io.custodian.asset.web.OpenApiContract.Param;
import io.custodian.asset.web.Wire.Answer;
import io.custodian.asset.web.Wire.Request;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input never breaks the service, generated from the served contract ({@code
 * /q/openapi?format=json}): for every operation, with a token holding every role, NUL, lone
 * surrogate and CR/LF values in every string path and query parameter and in every string field of
 * the JSON body at every depth; every field of the body with the wrong JSON types; out-of-range
 * dates; non-object bodies; the body as {@code text/plain}, {@code application/xml} and without a
 * content type; the same without a token; {@code Accept: application/xml}; a method the path does
 * not declare. Per service: over-long request lines and headers and unknown paths.
 *
 * <p>Nothing answers 5xx; every 4xx is {@code application/problem+json} with {@code type}, {@code
 * title} and {@code status} (under {@code /scim/v2}: a SCIM error); NUL, lone surrogates, wrong
 * types, non-object bodies and out-of-range dates are refused with a 4xx, and a 400/422 about a
 * body field names it; an anonymous request to {@code /api} or {@code /scim} is a 401 whatever else
 * is wrong with it. A new operation in the contract is covered without editing this test.
 *
 * <p>All requests are made first (operations in parallel, each operation's cases in order), then
 * each case is reported as its own dynamic test; the failures are also written to {@code
 * target/contract-negative-failures.txt}.
 */
@QuarkusTest
class ContractNegativeTest {

    private static final String ALL_ROLES = "asset-admin,employee,hr-system,leadership,auditor";
    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bad strings, as JSON string values and as percent-encoded URL text. */
    private enum Bad {
        NUL("a\u0000b", "a%00b", true),
        LONE_SURROGATE("\ud800", "%ED%A0%80", true),
        CR_LF("a\r\nb", "a%0D%0Ab", false);

        final String json;
        final String url;
        final boolean mustBeRefused;

        Bad(String json, String url, boolean mustBeRefused) {
            this.json = json;
            this.url = url;
            this.mustBeRefused = mustBeRefused;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** What an answer must be; every 4xx must also be a well-formed error. */
    private record Expect(Set<Integer> statuses, boolean clientError, Field field) {
        static final Expect NO_SERVER_ERROR = new Expect(null, false, null);
        static final Expect REFUSED = new Expect(null, true, null);

        static Expect refusedNaming(Field field) {
            return new Expect(null, true, field);
        }

        static Expect status(Integer... statuses) {
            return new Expect(Set.of(statuses), false, null);
        }

        String describe() {
            if (statuses != null) {
                return "status "
                        + statuses.stream()
                                .sorted()
                                .map(String::valueOf)
                                .collect(Collectors.joining(" or "));
            }
            if (field != null) {
                return "a 4xx (a 400/422 naming " + field.dotted() + ")";
            }
            return clientError ? "a 4xx" : "no 5xx";
        }
    }

    private record Case(String name, Request request, Expect expect, boolean raw) {}

    private record Outcome(Case probe, Answer answer, String failure) {}

    @TestHTTPResource("/")
    URI root;

    private OpenApiContract contract;
    private Wire wire;

    @TestFactory
    List<DynamicNode> everyOperationRefusesBadInputWithoutServerErrors() throws Exception {
        Instant started = Instant.now();
        wire = new Wire(root);
        Answer served = wire.send(Request.of("GET", "/q/openapi?format=json"));
        assertThat(served.status()).as("the served contract").isEqualTo(200);
        contract = new OpenApiContract(JSON.readTree(served.body()));
        List<Operation> operations = contract.operations();
        assertThat(operations).as("operations in the served contract").hasSizeGreaterThan(10);

        Map<String, List<Case>> groups = new LinkedHashMap<>();
        for (Operation operation : operations) {
            groups.put(operation.label(), cases(operation));
        }
        groups.putAll(pathCases(operations));
        groups.put("service: over-long requests and unknown paths", serviceCases(operations));

        Map<String, List<Outcome>> outcomes = run(groups);
        List<DynamicNode> nodes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<Outcome>> group : outcomes.entrySet()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Outcome outcome : group.getValue()) {
                total++;
                String failure = outcome.failure();
                if (failure != null) {
                    failures.add(group.getKey() + " | " + outcome.probe().name() + " | " + failure);
                }
                tests.add(
                        DynamicTest.dynamicTest(
                                outcome.probe().name(),
                                () -> {
                                    if (failure != null) {
                                        throw new AssertionError(failure);
                                    }
                                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(group.getKey(), tests));
        }
        report(failures, outcomes, total, Duration.between(started, Instant.now()));
        return nodes;
    }

    // --- cases of one operation ------------------------------------------------------------

    private List<Case> cases(Operation op) {
        String token =
                Api.token(
                        ALL_ROLES,
                        "neg-"
                                + op.id().toLowerCase(Locale.ROOT)
                                + "-"
                                + UUID.randomUUID().toString().substring(0, 8)
                                + "@example.com");
        Map<String, String> valid = new LinkedHashMap<>();
        for (Param p : op.params()) {
            valid.put(p.in() + ":" + p.name(), contract.validParam(p));
        }
        OpenApiContract.Body body = op.body();
        JsonNode baseJson = null;
        String baseText = null;
        String mediaType = null;
        if (body != null) {
            mediaType = body.mediaType();
            if (body.json()) {
                baseJson = baseBody(op, valid, token);
                baseText = Wire.json(baseJson);
            } else {
                baseText =
                        body.example() != null && body.example().isTextual()
                                ? body.example().asText()
                                : "x";
            }
        }
        Request request = request(op, valid, null, null).header("Authorization", "Bearer " + token);
        if (baseText != null) {
            request = request.body(mediaType, baseText);
        }
        List<Case> cases = new ArrayList<>();

        // parameters
        for (Param p : op.params()) {
            if (!p.in().equals("path") && !p.in().equals("query")) {
                continue;
            }
            if (!isStringParam(p)) {
                continue;
            }
            for (Bad bad : Bad.values()) {
                Request r = request.target(target(op, valid, p, bad.url));
                cases.add(
                        new Case(
                                p.in() + " " + p.name() + " = " + bad.label(),
                                r,
                                bad.mustBeRefused ? Expect.REFUSED : Expect.NO_SERVER_ERROR,
                                false));
            }
        }

        // JSON bodies
        List<Case> accepted = new ArrayList<>();
        if (baseJson != null) {
            JsonNode schema = body.schema();
            boolean objectBody = "object".equals(contract.type(schema)) || baseJson.isObject();
            for (Field field : contract.fields(schema)) {
                String name = field.dotted();
                String type = contract.type(field.schema());
                if ("string".equals(type)) {
                    for (Bad bad : Bad.values()) {
                        Case c =
                                bodyCase(
                                        request,
                                        "body " + name + " = " + bad.label(),
                                        field,
                                        baseJson,
                                        schema,
                                        NODES.textNode(bad.json),
                                        bad.mustBeRefused
                                                ? Expect.refusedNaming(field)
                                                : Expect.NO_SERVER_ERROR);
                        (bad.mustBeRefused ? cases : accepted).add(c);
                    }
                    String format = contract.format(field.schema());
                    List<String> outOfRange =
                            switch (format) {
                                case "date-time" ->
                                        List.of(
                                                "-290000-01-01T00:00:00Z",
                                                "+290000-01-01T00:00:00Z");
                                case "date" -> List.of("-290000-01-01", "+99999-12-31");
                                default -> List.of();
                            };
                    for (String date : outOfRange) {
                        cases.add(
                                bodyCase(
                                        request,
                                        "body " + name + " = " + date,
                                        field,
                                        baseJson,
                                        schema,
                                        NODES.textNode(date),
                                        Expect.refusedNaming(field)));
                    }
                }
                for (Map.Entry<String, JsonNode> wrong : wrongTypes(type).entrySet()) {
                    cases.add(
                            bodyCase(
                                    request,
                                    "body "
                                            + name
                                            + " = "
                                            + wrong.getKey()
                                            + " (wrong type, "
                                            + type
                                            + " expected)",
                                    field,
                                    baseJson,
                                    schema,
                                    wrong.getValue(),
                                    Expect.refusedNaming(field)));
                }
            }
            if (objectBody) {
                for (String notAnObject : List.of("[]", "123", "null", "\"x\"")) {
                    cases.add(
                            new Case(
                                    "body " + notAnObject + " (not a JSON object)",
                                    request.body(mediaType, notAnObject),
                                    Expect.REFUSED,
                                    false));
                }
            }
        }
        cases.addAll(accepted);

        // content types: the valid body (or, without one, a small one) as other types, or untyped
        String sent = baseText != null ? baseText : "{}";
        for (String type : List.of("text/plain", "application/xml")) {
            if (!type.equals(mediaType)) {
                cases.add(
                        new Case(
                                "body as " + type,
                                request.body(type, sent),
                                Expect.NO_SERVER_ERROR,
                                false));
            }
        }
        cases.add(
                new Case(
                        "body without Content-Type",
                        request.body("x/x", sent).header("Content-Type", null),
                        Expect.NO_SERVER_ERROR,
                        false));

        // Accept: a JSON GET asked for XML
        if (op.method().equals("get")
                && !op.successTypes().isEmpty()
                && op.successTypes().stream()
                        .noneMatch(t -> t.contains("xml") || t.contains("*"))) {
            Request xml = request.header("Accept", "application/xml");
            // at a random id nothing exists: 404 is as right as 406 there
            boolean randomIds = op.params().stream().anyMatch(p -> p.in().equals("path"));
            cases.add(
                    new Case(
                            "Accept: application/xml",
                            xml,
                            randomIds ? Expect.status(406, 404) : Expect.status(406),
                            false));
            cases.add(
                    new Case(
                            "Accept: application/xml, no token",
                            xml.withoutToken(),
                            Expect.status(401),
                            false));
        }

        // anonymous: 401 before any other check
        Request anonymous = request.withoutToken();
        cases.add(new Case("no token", anonymous, Expect.status(401), false));
        cases.add(
                new Case(
                        "no token, body as text/plain",
                        anonymous.body("text/plain", sent),
                        Expect.status(401),
                        false));
        if (!"application/json".equals(mediaType) || !"{}".equals(baseText)) {
            cases.add(
                    new Case(
                            "no token, body {} as application/json",
                            anonymous.body("application/json", "{}"),
                            Expect.status(401),
                            false));
        }
        Param firstString =
                op.params().stream()
                        .filter(p -> p.in().equals("path") || p.in().equals("query"))
                        .filter(this::isStringParam)
                        .findFirst()
                        .orElse(null);
        if (firstString != null) {
            cases.add(
                    new Case(
                            "no token, " + firstString.in() + " " + firstString.name() + " = nul",
                            anonymous.target(target(op, valid, firstString, Bad.NUL.url)),
                            Expect.status(401),
                            false));
        }
        if (baseJson != null) {
            cases.add(
                    new Case(
                            "no token, body [] (not a JSON object)",
                            anonymous.body(mediaType, "[]"),
                            Expect.status(401),
                            false));
        }
        return cases;
    }

    /**
     * The valid body the cases start from: of the contract's examples, the first the service
     * accepts (an example naming records that exist nowhere is refused, and would hide what a case
     * changes behind that refusal); else the first.
     */
    private JsonNode baseBody(Operation op, Map<String, String> valid, String token) {
        OpenApiContract.Body body = op.body();
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode example : body.examples()) {
            candidates.add(contract.valid(body.schema(), example));
        }
        if (candidates.isEmpty()) {
            return contract.valid(body.schema(), null);
        }
        if (candidates.size() > 1) {
            for (JsonNode candidate : candidates) {
                Answer answer =
                        wire.send(
                                request(op, valid, null, null)
                                        .header("Authorization", "Bearer " + token)
                                        .body(body.mediaType(), Wire.json(candidate)));
                if (answer.status() >= 200 && answer.status() < 300) {
                    return candidate;
                }
            }
        }
        return candidates.get(0);
    }

    private Case bodyCase(
            Request request,
            String name,
            Field field,
            JsonNode base,
            JsonNode schema,
            JsonNode value,
            Expect expect) {
        JsonNode body = contract.with(base, schema, field.path(), value);
        return new Case(
                name,
                request.body(request.headers().get("Content-Type"), Wire.json(body)),
                expect,
                false);
    }

    /** Wrong JSON types for a field of this type; none for an untyped one (anything goes). */
    private static Map<String, JsonNode> wrongTypes(String type) {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        if (type == null) {
            return wrong;
        }
        switch (type) {
            case "string" -> {
                wrong.put("12", NODES.numberNode(12));
                wrong.put("true", NODES.booleanNode(true));
                wrong.put("[]", NODES.arrayNode());
                wrong.put("{}", NODES.objectNode());
            }
            case "integer", "number" -> wrong.put("\"x\"", NODES.textNode("x"));
            case "boolean" -> wrong.put("\"yes\"", NODES.textNode("yes"));
            case "object", "array" -> wrong.put("\"x\"", NODES.textNode("x"));
            default -> {}
        }
        return wrong;
    }

    private boolean isStringParam(Param p) {
        String type = contract.type(p.schema());
        if ("array".equals(type)) {
            type = contract.type(contract.resolve(p.schema()).path("items"));
        }
        return "string".equals(type);
    }

    /** The request with valid parameter values, or {@code special} (raw URL text) for one. */
    private Request request(Operation op, Map<String, String> valid, Param special, String raw) {
        Request request =
                Request.of(op.method().toUpperCase(Locale.ROOT), target(op, valid, special, raw));
        for (Param p : op.params()) {
            if (p.in().equals("header") && p.required()) {
                request = request.header(p.name(), valid.get("header:" + p.name()));
            }
        }
        return request;
    }

    /**
     * Path with every parameter valid (or {@code raw} for {@code special}); only required query
     * parameters, and the special one.
     */
    private static String target(
            Operation op, Map<String, String> valid, Param special, String raw) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (Param p : op.params()) {
            boolean isSpecial =
                    special != null
                            && p.name().equals(special.name())
                            && p.in().equals(special.in());
            String value = isSpecial ? raw : encode(valid.get(p.in() + ":" + p.name()));
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", value);
            } else if (p.in().equals("query") && (p.required() || isSpecial)) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(encode(p.name()))
                        .append('=')
                        .append(value);
            }
        }
        return path + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- cases per path and per service ----------------------------------------------------

    /** A method the contract does not declare on each path: 405, and 401 without a token. */
    private Map<String, List<Case>> pathCases(List<Operation> operations) {
        Map<String, List<Case>> groups = new LinkedHashMap<>();
        String token = Api.token(ALL_ROLES, OpenApiContract.uniqueEmail());
        Map<String, Operation> byPath = new LinkedHashMap<>();
        operations.forEach(op -> byPath.putIfAbsent(op.path(), op));
        for (Operation op : byPath.values()) {
            Set<String> declared = contract.methods(op.path());
            String undeclared =
                    List.of("delete", "patch", "put", "post", "get").stream()
                            .filter(m -> !declared.contains(m))
                            .findFirst()
                            .orElse(null);
            if (undeclared == null) {
                continue;
            }
            Map<String, String> valid = new LinkedHashMap<>();
            op.params().forEach(p -> valid.put(p.in() + ":" + p.name(), contract.validParam(p)));
            String method = undeclared.toUpperCase(Locale.ROOT);
            Request request = Request.of(method, target(op, valid, null, null));
            if (!method.equals("GET") && !method.equals("DELETE")) {
                request = request.body("application/json", "{}");
            }
            groups.computeIfAbsent(
                            "path " + op.path() + ": undeclared method", k -> new ArrayList<>())
                    .addAll(
                            List.of(
                                    new Case(
                                            method + " (not in the contract)",
                                            request.header("Authorization", "Bearer " + token),
                                            Expect.status(405),
                                            false),
                                    new Case(
                                            method + " (not in the contract), no token",
                                            request,
                                            Expect.status(401),
                                            false)));
        }
        return groups;
    }

    private List<Case> serviceCases(List<Operation> operations) {
        List<Case> cases = new ArrayList<>();
        String token = "Bearer " + Api.token(ALL_ROLES, OpenApiContract.uniqueEmail());
        for (String prefix : List.of("/api/", "/scim/")) {
            Operation list =
                    operations.stream()
                            .filter(op -> op.path().startsWith(prefix) && op.method().equals("get"))
                            .filter(
                                    op ->
                                            op.params().stream()
                                                    .noneMatch(p -> p.in().equals("path")))
                            .filter(
                                    op ->
                                            op.params().stream()
                                                    .anyMatch(
                                                            p ->
                                                                    p.in().equals("query")
                                                                            && isStringParam(p)))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "no GET with a string query parameter under "
                                                            + prefix));
            Param param =
                    list.params().stream()
                            .filter(p -> p.in().equals("query") && isStringParam(p))
                            .findFirst()
                            .orElseThrow();
            for (int kib : List.of(16, 70)) {
                Request r =
                        Request.of(
                                "GET",
                                list.path() + "?" + param.name() + "=" + "a".repeat(kib * 1024));
                cases.add(
                        new Case(
                                list.label() + " with a " + kib + " KiB query string",
                                r.header("Authorization", token),
                                Expect.NO_SERVER_ERROR,
                                true));
                cases.add(
                        new Case(
                                list.label() + " with a " + kib + " KiB query string, no token",
                                r,
                                Expect.status(401, 414),
                                true));
            }
            for (int kib : List.of(30, 100)) {
                Request r =
                        Request.of("GET", list.path()).header("X-Filler", "a".repeat(kib * 1024));
                cases.add(
                        new Case(
                                list.label() + " with a " + kib + " KiB header",
                                r.header("Authorization", token),
                                Expect.NO_SERVER_ERROR,
                                true));
                cases.add(
                        new Case(
                                list.label() + " with a " + kib + " KiB header, no token",
                                r,
                                Expect.status(401, 431),
                                true));
            }
        }
        for (String path :
                List.of("/api/v1/no-such-thing", "/no-such-thing", "/scim/v2/NoSuchThing")) {
            Request r = Request.of("GET", path);
            cases.add(
                    new Case(
                            "GET " + path,
                            r.header("Authorization", token),
                            Expect.status(404),
                            false));
            boolean guarded = path.startsWith("/api/") || path.startsWith("/scim/");
            cases.add(
                    new Case(
                            "GET " + path + ", no token",
                            r,
                            Expect.status(guarded ? 401 : 404),
                            false));
            Request post = Request.of("POST", path).body("application/json", "{}");
            cases.add(
                    new Case(
                            "POST " + path,
                            post.header("Authorization", token),
                            Expect.status(404, 405),
                            false));
            cases.add(
                    new Case(
                            "POST " + path + ", no token",
                            post,
                            guarded ? Expect.status(401) : Expect.status(404, 405),
                            false));
        }
        return cases;
    }

    // --- running and judging ---------------------------------------------------------------

    private Map<String, List<Outcome>> run(Map<String, List<Case>> groups) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Map<String, Future<List<Outcome>>> futures = new LinkedHashMap<>();
            groups.forEach(
                    (name, cases) ->
                            futures.put(
                                    name,
                                    pool.submit(
                                            () -> {
                                                List<Outcome> outcomes = new ArrayList<>();
                                                for (Case c : cases) {
                                                    Answer answer =
                                                            c.raw()
                                                                    ? wire.raw(c.request())
                                                                    : wire.send(c.request());
                                                    outcomes.add(
                                                            new Outcome(
                                                                    c, answer, judge(c, answer)));
                                                }
                                                return outcomes;
                                            })));
            Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<Outcome>>> f : futures.entrySet()) {
                outcomes.put(f.getKey(), f.getValue().get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the answer is right, else what is wrong with it. */
    private String judge(Case c, Answer answer) {
        String why = verdict(c, answer);
        return why == null
                ? null
                : why
                        + "\n  request:  "
                        + c.request().describe()
                        + "\n  answer:   "
                        + answer.describe()
                        + "\n  expected: "
                        + c.expect().describe();
    }

    private String verdict(Case c, Answer answer) {
        int status = answer.status();
        if (status == 0) {
            return "no answer";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        Expect expect = c.expect();
        if (expect.statuses() != null && !expect.statuses().contains(status)) {
            return "status " + status;
        }
        if (expect.clientError() && (status < 400 || status > 499)) {
            return "accepted (" + status + ") instead of refused";
        }
        if (status >= 400) {
            String path = c.request().target();
            String format = path.startsWith("/scim/") ? scimError(answer) : problem(answer);
            if (format != null) {
                return "malformed " + status + ": " + format;
            }
            if (expect.field() != null
                    && (status == 400 || status == 422)
                    && !names(answer, expect.field())) {
                return status + " does not name the field " + expect.field().dotted();
            }
        }
        return null;
    }

    private static String problem(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "content type '" + answer.contentType() + "', not application/problem+json";
        }
        JsonNode body = parse(answer.body());
        if (body == null || !body.isObject()) {
            return "body is not a JSON object";
        }
        if (!body.path("type").isTextual() || body.path("type").asText().isBlank()) {
            return "no type";
        }
        if (!body.path("title").isTextual() || body.path("title").asText().isBlank()) {
            return "no title";
        }
        if (!body.path("status").isInt() || body.path("status").asInt() != answer.status()) {
            return "status member " + body.path("status") + " is not the HTTP status";
        }
        return null;
    }

    private static String scimError(Answer answer) {
        if (!answer.contentType().startsWith("application/scim+json")) {
            return "content type '" + answer.contentType() + "', not application/scim+json";
        }
        JsonNode body = parse(answer.body());
        if (body == null || !body.isObject()) {
            return "body is not a JSON object";
        }
        boolean schema = false;
        for (JsonNode s : body.path("schemas")) {
            schema |= SCIM_ERROR.equals(s.asText());
        }
        if (!schema) {
            return "schemas lack " + SCIM_ERROR;
        }
        if (!body.path("status").isTextual()
                || !body.path("status").asText().equals(String.valueOf(answer.status()))) {
            return "status member " + body.path("status") + " is not the HTTP status as a string";
        }
        return null;
    }

    /** {@code errors[].field} is the field, or {@code detail} names it as a word of its own. */
    private static boolean names(Answer answer, Field field) {
        JsonNode body = parse(answer.body());
        if (body == null) {
            return false;
        }
        List<String> spellings = field.spellings();
        for (JsonNode error : body.path("errors")) {
            if (spellings.contains(error.path("field").asText())) {
                return true;
            }
        }
        String detail = body.path("detail").asText("");
        for (String spelling : spellings) {
            if (Pattern.compile(
                            "(^|[^A-Za-z0-9_.$/\\[])"
                                    + Pattern.quote(spelling)
                                    + "($|[^A-Za-z0-9_$\\[])")
                    .matcher(detail)
                    .find()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static void report(
            List<String> failures, Map<String, List<Outcome>> outcomes, int total, Duration took)
            throws IOException {
        StringBuilder all = new StringBuilder();
        outcomes.forEach(
                (group, list) ->
                        list.forEach(
                                o ->
                                        all.append(o.failure() == null ? "ok   " : "FAIL ")
                                                .append(group)
                                                .append(" | ")
                                                .append(o.probe().name())
                                                .append(" | ")
                                                .append(Wire.abbreviate(o.answer().describe(), 200))
                                                .append('\n')));
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "contract-negative-outcomes.txt"), all, StandardCharsets.UTF_8);
        StringBuilder text =
                new StringBuilder()
                        .append(total)
                        .append(" cases, ")
                        .append(failures.size())
                        .append(" failing, requests took ")
                        .append(took.toMillis())
                        .append(" ms\n\n");
        failures.forEach(f -> text.append(f).append("\n\n"));
        Path file = Path.of("target", "contract-negative-failures.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        System.out.println(
                "ContractNegativeTest: "
                        + total
                        + " cases, "
                        + failures.size()
                        + " failing ("
                        + file.toAbsolutePath()
                        + "), "
                        + took.toMillis()
                        + " ms");
    }
}
