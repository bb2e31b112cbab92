package io.github.promjaxrs.internal;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/** The data points one (method, group, status) combination updates: resolved once, then reused. */
record RequestSeries(DistributionDataPoint duration, CounterDataPoint total) {
}
