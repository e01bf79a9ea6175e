package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/** Reads an integer written either as a JSON number ({@code 1}) or as a string ({@code "2"}); blank gives null. */
final class LenientIntDeserializer extends JsonDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue().intValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(text).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return (Integer) ctxt.handleWeirdStringValue(Integer.class, text, "not an integer");
            }
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }

    @Override
    public Integer getNullValue(DeserializationContext ctxt) {
        return null;
    }

    /** The same for {@code int} components: a missing, null or blank value reads as 0. */
    static final class Primitive extends JsonDeserializer<Integer> {
        private final LenientIntDeserializer lenient = new LenientIntDeserializer();

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Integer value = lenient.deserialize(p, ctxt);
            return value == null ? Integer.valueOf(0) : value;
        }

        @Override
        public Integer getNullValue(DeserializationContext ctxt) {
            return 0;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return 0;
        }
    }
}
