package io.github.promjaxrs.benchmarks;

import java.util.function.LongSupplier;

/**
 * One variant's application and the count of requests its metrics library has recorded, so a
 * benchmark can prove the library really recorded what it measured.
 *
 * @param recorded null for the variants without metrics
 */
record InstrumentedApplication(InMemoryServer server, LongSupplier recorded) {
}
