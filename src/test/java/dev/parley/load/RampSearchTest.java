package dev.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class RampSearchTest {

    /** Runs the search against a server that passes every rate for which {@code passes} holds. */
    private static List<Double> tried(RampSearch search, DoublePredicate passes) {
        List<Double> rates = new ArrayList<>();
        for (OptionalDouble next = search.next(); next.isPresent(); next = search.next()) {
            rates.add(next.getAsDouble());
            search.record(next.getAsDouble(), passes.test(next.getAsDouble()));
        }
        return rates;
    }

    @Test
    void doublesUntilAFailureThenBisectsToTenPercent() {
        RampSearch search = new RampSearch(100, 100_000, 0.1, 30);
        List<Double> rates = tried(search, rate -> rate <= 1000);
        assertEquals(List.of(100.0, 200.0, 400.0, 800.0, 1600.0, 1200.0, 1000.0, 1100.0), rates);
        assertEquals(1000, search.best());
        assertEquals(1100, search.lowestFailing());
    }

    @Test
    void stopsAtTheMaximumWhenEverythingPasses() {
        RampSearch search = new RampSearch(10, 50, 0.1, 30);
        assertEquals(List.of(10.0, 20.0, 40.0, 50.0), tried(search, rate -> true));
        assertEquals(50, search.best());
    }

    @Test
    void searchesBelowTheStartWhenTheStartFails() {
        RampSearch search = new RampSearch(100, 1000, 0.1, 30);
        List<Double> rates = tried(search, rate -> rate <= 30);
        assertEquals(100.0, rates.get(0));
        assertEquals(50.0, rates.get(1));
        assertEquals(25.0, rates.get(2));
        assertTrue(search.best() <= 30 && search.best() >= 27, "best " + search.best());
    }

    @Test
    void neverTakesMoreStepsThanItsBudget() {
        RampSearch search = new RampSearch(1, 1_000_000, 0.001, 5);
        assertEquals(5, tried(search, rate -> rate < 777).size());
    }
}
