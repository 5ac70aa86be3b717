package com.tierdesk;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FigureFormat;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every console template {@code #figures}: a {@link FigureFormat} in the page's locale and the business time
 * zone, so that every page writes numbers, yuan and dates alike ({@code ${#figures.money(order.amount)}}).
 */
@Component
class FigureDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "figures";

    private final BusinessTime time;

    FigureDialect(BusinessTime time) {
        super("TierDesk figures");
        this.time = time;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return NAME.equals(name) ? new FigureFormat(context.getLocale(), time.zone()) : null;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
