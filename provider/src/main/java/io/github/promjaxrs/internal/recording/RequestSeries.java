package io.github.promjaxrs.internal.recording;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * The data points one (method, group, status) combination updates: resolved once, then reused,
 * unless {@code cacheable} is false (an overflow series, whose every use must be counted).
 */
record RequestSeries(DistributionDataPoint duration, CounterDataPoint total, boolean cacheable) {
}
