package com.tierdesk;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FigureFormat;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every console template {@code #figures}: a {@link FigureFormat} in the page's locale and the business time
 * zone, so that every page writes numbers, yuan and dates alike ({@code ${#figures.money(order.amount)}}); and
 * {@code #actors}, the {@link ActorNames} that name who did something in the page's language.
 */
@Component
class FigureDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String FIGURES = "figures";
    private static final String ACTORS = "actors";

    private final BusinessTime time;
    private final MessageSource messages;

    FigureDialect(BusinessTime time, MessageSource messages) {
        super("TierDesk figures");
        this.time = time;
        this.messages = messages;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(FIGURES, ACTORS);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return switch (name) {
                    case FIGURES -> new FigureFormat(context.getLocale(), time.zone());
                    case ACTORS -> new ActorNames(messages, context.getLocale());
                    default -> null;
                };
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
