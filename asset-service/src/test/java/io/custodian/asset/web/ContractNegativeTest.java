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
    private final Map<String, String> tokens = new java.util.HashMap<>();
    private final Map<String, JsonNode> bases = new java.util.HashMap<>();

    /** Base bodies whose identifiers may be renewed (by identity). */
    private final Set<JsonNode> renewable =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Ids of the records made so far (base bodies found by trying). */
    private final List<String> records = new ArrayList<>();

    /** Collection path → its creating operation, when that made a record of the base body. */
    private final Map<String, Operation> creators = new java.util.LinkedHashMap<>();

    private final Set<String> paths = new java.util.HashSet<>();

    /** How each base body was found, for the outcomes file. */
    private static final List<String> probes =
            java.util.Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    List<DynamicNode> everyOperationRefusesBadInputWithoutServerErrors() throws Exception {
        Instant started = Instant.now();
        wire = new Wire(root);
        Answer served = wire.send(Request.of("GET", "/q/openapi?format=json"));
        assertThat(served.status()).as("the served contract").isEqualTo(200);
        contract = new OpenApiContract(JSON.readTree(served.body()));
        List<Operation> operations = contract.operations();
        operations.forEach(op -> paths.add(op.path()));
        assertThat(operations).as("operations in the served contract").hasSizeGreaterThan(10);

        // first the collections' creating operations: the records they create give the item
        // operations real ids to work on (else a random id is all they get, and a 404)
        for (Operation operation : operations) {
            boolean collection = operation.params().stream().noneMatch(p -> p.in().equals("path"));
            if (collection
                    && operation.method().equals("post")
                    && operation.body() != null
                    && operation.body().json()) {
                baseBody(operation, validParams(operation), token(operation));
            }
        }
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

    /** One token per operation, with every role and an e-mail of its own (rate limits). */
    private String token(Operation op) {
        return tokens.computeIfAbsent(
                op.label(),
                k ->
                        Api.token(
                                ALL_ROLES,
                                "neg-"
                                        + op.id().toLowerCase(Locale.ROOT)
                                        + "-"
                                        + UUID.randomUUID().toString().substring(0, 8)
                                        + "@example.com"));
    }

    /**
     * A valid value for each parameter; a path parameter naming a record of a collection whose
     * creating operation succeeded above gets that record's id.
     */
    private Map<String, String> validParams(Operation op) {
        Map<String, String> valid = new LinkedHashMap<>();
        for (Param p : op.params()) {
            String value = null;
            if (p.in().equals("path") && p.example() == null) {
                String template = "{" + p.name() + "}";
                int at = op.path().indexOf("/" + template);
                value = at < 0 ? null : fresh(op.path().substring(0, at));
                if (value == null) {
                    // the same parameter elsewhere: {personId} of a group's members is a person
                    for (String collection : creators.keySet()) {
                        if (paths.contains(collection + "/" + template)) {
                            value = fresh(collection);
                            break;
                        }
                    }
                }
            }
            valid.put(p.in() + ":" + p.name(), value != null ? value : contract.validParam(p));
        }
        for (Param p : op.params()) {
            if (p.in().equals("header") && p.name().equalsIgnoreCase("If-Match")) {
                String etag = etag(op, valid);
                if (etag != null) {
                    valid.put("header:" + p.name(), etag);
                }
            }
        }
        return valid;
    }

    /** The current ETag of the record an update names: from the nearest readable path above. */
    private String etag(Operation op, Map<String, String> valid) {
        for (String template = op.path();
                template.lastIndexOf('/') > 0;
                template = template.substring(0, template.lastIndexOf('/'))) {
            if (!paths.contains(template) || !contract.methods(template).contains("get")) {
                continue;
            }
            String path = template;
            for (Param p : op.params()) {
                if (p.in().equals("path")) {
                    path =
                            path.replace(
                                    "{" + p.name() + "}", encode(valid.get("path:" + p.name())));
                }
            }
            Answer answer =
                    wire.send(
                            Request.of("GET", path).header("Authorization", "Bearer " + token(op)));
            if (answer.status() / 100 == 2 && answer.header("etag") != null) {
                return answer.header("etag");
            }
        }
        return null;
    }

    private List<Case> cases(Operation op) {
        String token = token(op);
        Map<String, String> valid = validParams(op);
        OpenApiContract.Body body = op.body();
        JsonNode baseJson = null;
        String baseText = null;
        String mediaType = null;
        if (body != null) {
            mediaType = body.mediaType();
            if (body.json()) {
                // found on records of its own: a body that succeeds changes the record it names
                baseJson = baseBody(op, validParams(op), token);
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
                    // JSON null where the body is optional says "no body": taken as the absent body
                    boolean absent = notAnObject.equals("null") && !op.body().required();
                    cases.add(
                            new Case(
                                    "body " + notAnObject + " (not a JSON object)",
                                    request.body(mediaType, notAnObject),
                                    absent ? Expect.NO_SERVER_ERROR : Expect.REFUSED,
                                    false));
                }
            }
        }
        cases.addAll(accepted);

        // content types: the valid body (or, without one, a small one) as other types, or untyped
        String sent =
                baseJson != null
                        ? Wire.json(renewed(baseJson, body.schema()))
                        : baseText != null ? baseText : "{}";
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
    /**
     * A new record of the collection, made with the body its creating operation accepted, so that
     * operations on records don't change each other's (one closes what another would acknowledge);
     * null if it has none.
     */
    private String fresh(String collection) {
        Operation creator = creators.get(collection);
        if (creator == null) {
            return null;
        }
        JsonNode schema = creator.body().schema();
        JsonNode base = bases.get(creator.label());
        // valid() makes e-mail addresses anew, unique() the identifiers
        for (JsonNode body :
                List.of(
                        contract.valid(schema, contract.unique(base, schema)),
                        contract.valid(schema, base))) {
            Answer answer =
                    wire.send(
                            request(creator, validParams(creator), null, null)
                                    .header("Authorization", "Bearer " + token(creator))
                                    .body(creator.body().mediaType(), Wire.json(body)));
            JsonNode made = answer.status() / 100 == 2 ? parse(answer.body()) : null;
            if (made != null && made.path("id").isTextual()) {
                return made.path("id").asText();
            }
        }
        return null;
    }

    private JsonNode baseBody(Operation op, Map<String, String> valid, String token) {
        JsonNode known = bases.get(op.label());
        if (known != null) {
            return known;
        }
        OpenApiContract.Body body = op.body();
        JsonNode schema = body.schema();
        List<JsonNode> examples = new ArrayList<>();
        body.examples().forEach(e -> examples.add(contract.valid(schema, e)));
        JsonNode required = contract.valid(schema, null);
        List<JsonNode> starts = new ArrayList<>(examples);
        starts.add(required);
        // each example as it is and with fresh identifiers (a tag, an employee id taken already)
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode example : examples) {
            candidates.add(example);
            candidates.add(contract.unique(example, schema));
        }
        candidates.add(required);
        candidates.add(contract.unique(required, schema));
        // the first example without one of its optional fields (one naming nothing that exists)
        JsonNode first = starts.get(0);
        Set<String> requiredNames = new java.util.HashSet<>();
        contract.resolve(schema).path("required").forEach(r -> requiredNames.add(r.asText()));
        if (first.isObject()) {
            first.fieldNames()
                    .forEachRemaining(
                            name -> {
                                if (!requiredNames.contains(name)) {
                                    JsonNode without = contract.unique(first, schema);
                                    ((com.fasterxml.jackson.databind.node.ObjectNode) without)
                                            .remove(name);
                                    candidates.add(without);
                                }
                            });
        }
        JsonNode chosen = starts.get(0);
        int tries = 0;
        for (int i = 0; i < candidates.size() && tries < 40; i++, tries++) {
            if (accepted(op, valid, token, candidates.get(i))) {
                return chose(op, valid, token, candidates.get(i));
            }
        }
        // an id field naming records that exist nowhere: the records made so far, in turn
        for (JsonNode start : starts) {
            for (Field field : contract.fields(schema)) {
                if (!"uuid".equals(contract.format(field.schema()))) {
                    continue;
                }
                for (String id : List.copyOf(records)) {
                    if (tries++ >= 60) {
                        break;
                    }
                    JsonNode candidate =
                            contract.with(
                                    contract.unique(start, schema),
                                    schema,
                                    field.path(),
                                    NODES.textNode(id));
                    if (accepted(op, valid, token, candidate)) {
                        return chose(op, valid, token, candidate);
                    }
                }
            }
        }
        bases.put(op.label(), chosen);
        return chosen;
    }

    private JsonNode chose(Operation op, Map<String, String> valid, String token, JsonNode base) {
        bases.put(op.label(), base);
        JsonNode schema = op.body().schema();
        if (accepted(op, valid, token, contract.valid(schema, contract.unique(base, schema)))) {
            renewable.add(base);
        }
        return base;
    }

    /** Whether the service takes this body (2xx); a record it makes is remembered. */
    private boolean accepted(Operation op, Map<String, String> valid, String token, JsonNode body) {
        Answer answer =
                wire.send(
                        request(op, valid, null, null)
                                .header("Authorization", "Bearer " + token)
                                .body(op.body().mediaType(), Wire.json(body)));
        probes.add(
                op.label()
                        + " | base body "
                        + Wire.abbreviate(Wire.json(body), 200)
                        + " | "
                        + Wire.abbreviate(answer.describe(), 200));
        if (answer.status() < 200 || answer.status() > 299) {
            return false;
        }
        JsonNode made = parse(answer.body());
        if (answer.status() == 201 && made != null && made.path("id").isTextual()) {
            records.add(made.path("id").asText());
            if (op.params().stream().noneMatch(p -> p.in().equals("path"))) {
                creators.putIfAbsent(op.path(), op);
            }
        }
        return true;
    }

    /**
     * The base body with new identifiers and e-mail addresses, where the service takes it so (a
     * case that would be refused only as a duplicate of the base body would hide what it tests);
     * else as it is (its identifiers name records that exist).
     */
    private JsonNode renewed(JsonNode base, JsonNode schema) {
        return renewable.contains(base)
                ? contract.valid(schema, contract.unique(base, schema))
                : base;
    }

    private Case bodyCase(
            Request request,
            String name,
            Field field,
            JsonNode base,
            JsonNode schema,
            JsonNode value,
            Expect expect) {
        JsonNode body = contract.with(renewed(base, schema), schema, field.path(), value);
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
            Map<String, String> valid = validParams(op);
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
                    && !names(answer, expect.field(), path.startsWith("/scim/"))) {
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
    private static boolean names(Answer answer, Field field, boolean scim) {
        JsonNode body = parse(answer.body());
        if (body == null) {
            return false;
        }
        List<String> spellings = scim ? field.scimSpellings() : field.spellings();
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
        probes.forEach(p -> all.append("base ").append(p).append('\n'));
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
