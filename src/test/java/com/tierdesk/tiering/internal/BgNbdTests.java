package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdTests {

    /** The 1/10 sample of CDNOW's first-quarter 1997 cohort, summarised over the 39-week calibration period. */
    private static final Path CDNOW_SUMMARY = Path.of("../shared/data/cdnow/cdnow_customers_summary.csv");

    /** Published estimates (Fader, Hardie and Lee 2005, table 1). */
    private static final BgNbd PUBLISHED = new BgNbd(0.243, 4.414, 0.793, 2.426);

    @Test
    void maximumLikelihoodFitReproducesThePublishedCdnowEstimates() throws IOException {
        List<RepeatBuying> customers = cdnow();

        BgNbd fitted = BgNbd.fit(customers);

        assertThat(fitted.r()).isCloseTo(0.243, within(0.005));
        assertThat(fitted.alpha()).isCloseTo(4.414, within(0.005));
        assertThat(fitted.a()).isCloseTo(0.793, within(0.005));
        assertThat(fitted.b()).isCloseTo(2.426, within(0.005));
        assertThat(fitted.logLikelihood(customers)).isCloseTo(-9582.4, within(0.1));
    }

    @Test
    void aCustomerWhoStoppedBuyingLongAgoIsProbablyGone() {
        var recent = new RepeatBuying(4, 38, 39);
        var lapsed = new RepeatBuying(4, 5, 39);
        var oneTimer = new RepeatBuying(0, 0, 39);

        assertThat(PUBLISHED.probabilityAlive(oneTimer)).isEqualTo(1.0);
        assertThat(PUBLISHED.probabilityAlive(recent)).isGreaterThan(0.8);
        assertThat(PUBLISHED.probabilityAlive(lapsed)).isLessThan(0.3);
        assertThat(PUBLISHED.expectedPurchases(recent, 39)).isGreaterThan(PUBLISHED.expectedPurchases(lapsed, 39));
    }

    @Test
    void expectedPurchasesOfACustomerMatchThePaper() {
        // The paper's figure: a customer with x = 2, t_x = 30.43, T = 38.86 (ID 1) is expected to make
        // about 1.23 purchases in the next 39 weeks under the published parameters.
        assertThat(PUBLISHED.expectedPurchases(new RepeatBuying(2, 30.43, 38.86), 39)).isCloseTo(1.23, within(0.01));
        assertThat(PUBLISHED.expectedPurchases(new RepeatBuying(0, 0, 38.86), 0)).isEqualTo(0.0);
    }

    @Test
    void refusesInconsistentSummariesAndParameters() {
        assertThatThrownBy(() -> new RepeatBuying(2, 40, 39)).hasMessageContaining("inconsistent");
        assertThatThrownBy(() -> new RepeatBuying(0, 3, 39)).hasMessageContaining("inconsistent");
        assertThatThrownBy(() -> new BgNbd(0, 1, 1, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> BgNbd.fit(List.of())).hasMessageContaining("no customers");
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertThat(LogGamma.of(1)).isCloseTo(0, within(1e-13));
        assertThat(LogGamma.of(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(LogGamma.of(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
        assertThat(LogGamma.of(0.25)).isCloseTo(Math.log(3.625609908221908), within(1e-12));
    }

    private static List<RepeatBuying> cdnow() throws IOException {
        return Files.readAllLines(CDNOW_SUMMARY).stream().skip(1).map(line -> line.split(","))
                .map(cells -> new RepeatBuying(Integer.parseInt(cells[1]), Double.parseDouble(cells[2]),
                        Double.parseDouble(cells[3])))
                .toList();
    }
}
