package io.tradewind.infra.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks themselves, on small fixtures: each kind of mistake is found and named. (The checked-in dashboard is
 * checked against the running components' metrics in {@code OperationalMetricsTest}.)
 */
class GrafanaDashboardCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EXPORTED = Set.of("tradewind_http_requests_total",
            "tradewind_http_request_duration_seconds_bucket", "flink_jobmanager_job_numberOfFailedCheckpoints");

    @Test
    void metricNamesAreWhatIsLeftOfAnExpressionOnceLabelsRangesFunctionsAndVariablesAreOut() {
        assertEquals(Set.of("tradewind_http_requests_total"), PromqlMetricNames.of(
                "sum by (endpoint) (rate(tradewind_http_requests_total{status=~\"5..\", endpoint!=\"by\"}[$__rate_interval]))"));
        assertEquals(Set.of("a_bucket"), PromqlMetricNames.of(
                "histogram_quantile(0.99, sum(rate(a_bucket[5m])) by (le, endpoint))"));
        assertEquals(Set.of("x", "y"), PromqlMetricNames.of("time() - max(x{j=\"${datasource}\"}) / 1e3 or on(job) y offset 5m"));
        assertEquals(Set.of("up"), PromqlMetricNames.of("up == 1 and bool vector(0)"));
    }

    @Test
    void aGoodDashboardHasNoProblems() throws Exception {
        assertEquals(List.of(), GrafanaDashboardCheck.problems(dashboard(), EXPORTED));
    }

    @Test
    void anUnknownMetricIsNamedWithItsPanel() throws Exception {
        ObjectNode d = dashboard();
        ((ObjectNode) d.path("panels").get(1).path("targets").get(0)).put("expr",
                "sum(rate(tradewind_http_request_total[5m]))");
        assertEquals(List.of("panel 'Errors' (id 2), target A: metric tradewind_http_request_total is exported by no component"),
                GrafanaDashboardCheck.problems(d, EXPORTED));
    }

    @Test
    void overlappingPanelsAMissingDatasourceAndMissingFieldsAreNamed() throws Exception {
        ObjectNode d = dashboard();
        ((ObjectNode) d.path("panels").get(1).path("gridPos")).put("x", 6);
        ((ObjectNode) d.path("panels").get(0).path("targets").get(0)).remove("datasource");
        ((ObjectNode) d.path("panels").get(1).path("targets").get(0)).remove("expr");
        d.remove("uid");
        d.remove("templating");
        assertEquals(List.of("dashboard: no uid",
                        "dashboard: no template variable 'datasource' of type datasource for prometheus",
                        "panel 'Requests' (id 1), target A: datasource is not ${datasource}",
                        "panel 'Errors' (id 2) overlaps panel 'Requests' (id 1)",
                        "panel 'Errors' (id 2), target A: no expr"),
                GrafanaDashboardCheck.problems(d, EXPORTED));
    }

    @Test
    void aPanelOffTheGridIsNamed() throws Exception {
        ObjectNode d = dashboard();
        ((ObjectNode) d.path("panels").get(1).path("gridPos")).put("x", 20);
        assertEquals(List.of("panel 'Errors' (id 2): wider than the grid's 24 columns"),
                GrafanaDashboardCheck.problems(d, EXPORTED));
    }

    private static ObjectNode dashboard() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"title": "t", "uid": "u", "schemaVersion": 39,
                 "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus"}]},
                 "panels": [
                  {"id": 1, "type": "timeseries", "title": "Requests", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                   "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                   "targets": [{"refId": "A", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                                "expr": "sum by (endpoint) (rate(tradewind_http_requests_total[$__rate_interval]))"}]},
                  {"id": 2, "type": "timeseries", "title": "Errors", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                   "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
                   "targets": [{"refId": "A", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                                "expr": "increase(flink_jobmanager_job_numberOfFailedCheckpoints[5m])"}]}]}""");
    }
}
