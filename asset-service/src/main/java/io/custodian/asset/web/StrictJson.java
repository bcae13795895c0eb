package io.custodian.asset.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Every JSON body is read by these rules, here and nowhere else: a field gets the JSON type the
 * contract gives it (no number or boolean read as a string, no string as a number, no number as a
 * date); text holds only characters that can be stored ({@link Text}), on one line unless the field
 * is {@link FreeText}; dates lie between {@link #EARLIEST} and {@link #LATEST}. Trees ({@code
 * JsonNode} bodies: SCIM, merge patches) are checked for storable text as a whole.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The range of dates the register keeps: anything else is a typo or an attack. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    @Override
    public int priority() {
        // after Quarkus registered its modules (java.time among them): these deserializers win
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType type :
                new LogicalType[] {
                    LogicalType.Textual,
                    LogicalType.Boolean,
                    LogicalType.Integer,
                    LogicalType.Float,
                    LogicalType.DateTime,
                    LogicalType.Enum,
                    LogicalType.OtherScalar
                }) {
            var coercion = mapper.coercionConfigFor(type);
            coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            coercion.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            coercion.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            coercion.setCoercion(CoercionInputShape.Array, CoercionAction.Fail);
            coercion.setCoercion(CoercionInputShape.Object, CoercionAction.Fail);
            coercion.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        }
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);

        SimpleModule module = new SimpleModule("custodian-strict-json");
        module.addDeserializer(String.class, new Strings(false));
        module.addDeserializer(
                Instant.class,
                new Dated<>(
                        Instant.class,
                        InstantDeserializer.INSTANT,
                        i -> i.atOffset(ZoneOffset.UTC).toLocalDate()));
        module.addDeserializer(
                OffsetDateTime.class,
                new Dated<>(
                        OffsetDateTime.class,
                        InstantDeserializer.OFFSET_DATE_TIME,
                        OffsetDateTime::toLocalDate));
        module.addDeserializer(
                LocalDate.class,
                new Dated<>(LocalDate.class, LocalDateDeserializer.INSTANCE, Function.identity()));
        module.addDeserializer(JsonNode.class, new Trees<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new Trees<>(ObjectNode.class));
        mapper.registerModule(module);
    }

    /** A string only from a JSON string, holding only storable text; one line unless free text. */
    static final class Strings extends StdDeserializer<String> implements ContextualDeserializer {

        private final boolean freeText;

        Strings(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public JsonDeserializer<?> createContextual(
                DeserializationContext ctxt, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new Strings(free);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, String.class, "expected a string");
            }
            String value = p.getText();
            String problem = freeText ? Text.unstorable(value) : Text.notSingleLine(value);
            if (problem != null) {
                throw new InvalidValueException(p, problem);
            }
            return value;
        }
    }

    /** A date or time only from a JSON string, and only within the range the register keeps. */
    static final class Dated<T> extends StdDeserializer<T> {

        private final JsonDeserializer<T> standard;
        private final Function<T, LocalDate> day;

        Dated(Class<T> type, JsonDeserializer<T> standard, Function<T, LocalDate> day) {
            super(type);
            this.standard = standard;
            this.day = day;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, handledType(), "expected a string");
            }
            String problem = Text.unstorable(p.getText());
            if (problem != null) {
                throw new InvalidValueException(p, problem);
            }
            T value = standard.deserialize(p, ctxt);
            if (value != null) {
                LocalDate date = day.apply(value);
                if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                    throw new InvalidValueException(
                            p, "must lie between " + EARLIEST + " and " + LATEST);
                }
            }
            return value;
        }
    }

    /** A JSON tree, every name and text in it storable. */
    static final class Trees<T extends JsonNode> extends StdDeserializer<T> {

        Trees(Class<T> type) {
            super(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonDeserializer<? extends JsonNode> standard =
                    JsonNodeDeserializer.getDeserializer(handledType());
            JsonNode tree = standard.deserialize(p, ctxt);
            if (!handledType().isInstance(tree)) {
                throw MismatchedInputException.from(p, handledType(), "expected a JSON object");
            }
            String[] where = check(tree, "");
            if (where != null) {
                throw new InvalidValueException(p, where[0], where[1]);
            }
            return (T) tree;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) {
            return null;
        }

        /** The field and the reason of the first text that can't be stored, or null. */
        private static String[] check(JsonNode node, String path) {
            if (node.isTextual()) {
                String problem = Text.unstorable(node.textValue());
                return problem == null
                        ? null
                        : new String[] {path.isEmpty() ? "body" : path, problem};
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String[] found = check(node.get(i), path + "[" + i + "]");
                    if (found != null) {
                        return found;
                    }
                }
            }
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                    String problem = Text.unstorable(field.getKey());
                    if (problem != null) {
                        return new String[] {
                            path.isEmpty() ? "body" : path, "a field name " + problem
                        };
                    }
                    String[] found = check(field.getValue(), name);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
