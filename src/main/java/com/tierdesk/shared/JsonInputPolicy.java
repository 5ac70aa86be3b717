package com.tierdesk.shared;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every API reads JSON: a value of the wrong type is refused, never converted (a number sent for a text or a
 * date, a text for a number or a boolean), and no text carries a control character other than tab and line
 * breaks, or a lone surrogate. The refusal names the field ({@code ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputPolicy {

    @Bean
    JsonMapperBuilderCustomizer strictInput() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .defaultLeniency(false)
                .withCoercionConfig(LogicalType.Textual, texts -> texts
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("tierdesk-text-policy").addDeserializer(String.class, new PolicedText()));
    }

    /** A text field's value, checked by {@link TextRules#forbiddenCharacter}. */
    static final class PolicedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null) {
                var forbidden = TextRules.forbiddenCharacter(text);
                if (forbidden.isPresent()) {
                    throw new RefusedText(parser, forbidden.get());
                }
            }
            return text;
        }
    }

    /** A text refused by the text rules; {@code ApiProblems} answers with its reason and the field's path. */
    static final class RefusedText extends MismatchedInputException {

        private final transient Reason reason;

        RefusedText(JsonParser parser, Reason reason) {
            super(parser, reason.toString(), String.class);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }
}
