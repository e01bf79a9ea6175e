package io.jenkins.plugins.netmind.fleet;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.ManagementLink;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Manage Jenkins » NetMind endpoints as an administrator and as a user who is not one: the table of every kind of
 * endpoint the simulator holds (a running build's, a leftover of a build that is gone, an expired one, another
 * controller's, an unmanaged one), the Delete button (POST, Administer, only this controller's endpoints), and the
 * markup that keeps the table usable on a phone.
 */
@WithJenkins
class NetMindEndpointsPageJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;
    private FleetEndpoints endpoints;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindSimulator.start();
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setCredentialsId(NetMindJenkinsFixture.CREDENTIALS_ID);
        endpoints = new FleetEndpoints(sim);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void anAdministratorSeesEveryKindOfEndpointWithItsStateOwnerAndDeleteButton() throws Exception {
        NetMindGlobalConfiguration.get().setMaxLiveEndpoints(10);
        NetMindGlobalConfiguration.get().setMaxGpus(4);
        WorkflowRun running = startHoldingAnEndpoint();
        String orphan = endpoints.leftover("left-by-a-lost-build", Instant.now().plus(Duration.ofHours(2)));
        String expired = endpoints.leftover("past-its-lifetime", Instant.now().minus(Duration.ofMinutes(5)));
        String other = endpoints.otherControllers("other-controllers", "team/nightly #41");
        String unmanaged = endpoints.unmanaged("made-in-the-console");
        // records lost: the marker with this controller's id names the build, running or gone
        String lostRunning = endpoints.recordLost("lost-record-running-build", "evals #1");
        String lostGone = endpoints.recordLost("lost-record-gone-build", "evals #99");

        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            HtmlPage page = wc.goTo("manage/netmind-endpoints/");
            System.out.println(page.asNormalizedText());

            HtmlTable table = page.getHtmlElementById("netmind-endpoints");
            assertEquals("jenkins-table sortable", table.getAttribute("class"));
            assertNotNull(table.getFirstByXPath(".//th/a[@class='sortheader']"), "sortable.js made the headers links");
            assertEquals(8, table.getRowCount(), "a header and seven endpoints:\n" + table.asNormalizedText());

            String ownedId = runningServiceId(running);
            assertRow(table, ownedId, "owned, build running", true);
            assertRow(table, orphan, "orphan", true);
            assertRow(table, expired, "expired", true);
            assertRow(table, other, "other controller", false);
            assertRow(table, unmanaged, "unmanaged", false);
            assertRow(table, lostRunning, "owned, build running", true);
            assertRow(table, lostGone, "orphan", true);
            assertTrue(
                    row(table, lostRunning)
                            .getCell(9)
                            .getFirstElementChild()
                            .getAttribute("href")
                            .endsWith("/" + running.getUrl()),
                    "the marker's owner links to the running build");
            assertEquals("evals #99", row(table, lostGone).getCell(9).asNormalizedText(), "no such build: no link");

            HtmlTableRow owned = row(table, ownedId);
            DomElement ownerLink = owned.getCell(9).getFirstElementChild();
            assertEquals("a", ownerLink.getTagName());
            assertTrue(
                    ownerLink.getAttribute("href").endsWith("/" + running.getUrl()),
                    "link to the build: " + ownerLink.getAttribute("href"));
            assertEquals(running.getParent().getFullName() + " #" + running.getNumber(), ownerLink.getTextContent());
            assertEquals("team/nightly #41", row(table, other).getCell(9).asNormalizedText());
            assertEquals("-", row(table, unmanaged).getCell(9).asNormalizedText());
            assertTrue(row(table, ownedId).getCell(4).asNormalizedText().contains("NVIDIA_GeForce_RTX_4090 in other"));
            assertEquals("0.30 USD", row(table, other).getCell(5).asNormalizedText());
            assertTrue(row(table, expired).getCell(8).asNormalizedText().endsWith("(passed)"));

            // the capacity guard's use against the limits (issue 12): the running build's endpoint (the test image asks
            // no GPU)
            assertEquals(
                    "Capacity in use: 1 of 10 endpoints live, 0 of 4 GPUs, 0.30 USD per hour (no limit) (limits)",
                    page.getHtmlElementById("netmind-capacity").asNormalizedText());

            String totals = page.getHtmlElementById("netmind-totals").asNormalizedText();
            assertEquals("7 endpoint(s); 5 of this controller's, costing 1.50 USD per hour", totals);

            // usable on a phone: the table scrolls sideways inside its own container, nothing has a fixed width
            DomElement container = (DomElement) table.getParentNode();
            assertEquals("netmind-fleet__scroll", container.getAttribute("class"));
            assertFalse(container.asXml().contains("width"), "no fixed width in the table");
            DomElement stylesheet = page.getFirstByXPath("//link[contains(@href, 'NetMindEndpointsLink/fleet.css')]");
            assertNotNull(stylesheet, "the page's stylesheet");
            String css = wc.getPage(new URL(page.getUrl(), stylesheet.getAttribute("href")))
                    .getWebResponse()
                    .getContentAsString();
            assertTrue(css.contains(".netmind-fleet__scroll {\n  max-width: 100%;\n  overflow-x: auto;"), css);
        } finally {
            SemaphoreStep.success("hold/1", null);
            j.waitForCompletion(running);
        }
    }

    @Test
    void theLinkIsUnderStatusForAdministratorsOnly() throws Exception {
        NetMindEndpointsLink link = ManagementLink.all().get(NetMindEndpointsLink.class);
        assertNotNull(link);
        assertEquals(ManagementLink.Category.STATUS, link.getCategory());
        assertEquals(Jenkins.ADMINISTER, link.getRequiredPermission());
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            assertTrue(wc.goTo("manage/").asNormalizedText().contains("NetMind endpoints"));
        }
        try (JenkinsRule.WebClient wc = j.createWebClient().login("reader")) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            assertEquals(
                    403, wc.goTo("manage/netmind-endpoints/").getWebResponse().getStatusCode());
            assertEquals(403, wc.goTo("netmind-endpoints/").getWebResponse().getStatusCode());
        }
    }

    @Test
    void deleteRemovesThisControllersEndpointFromNetMindAndTheRegistry() throws Exception {
        String orphan = endpoints.leftover("left-by-a-lost-build", Instant.now().plus(Duration.ofHours(2)));
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            HtmlPage after = wc.getPage(delete(wc, orphan));
            String notice = after.getHtmlElementById("netmind-notice").asNormalizedText();
            System.out.println(notice);
            assertTrue(
                    notice.startsWith("Deleted left-by-a-lost-build (" + orphan + "): NetMind confirmed it gone"),
                    notice);
            assertFalse(sim.liveServices().contains(orphan));
            assertTrue(EndpointRegistry.get().getEndpoints().isEmpty(), "the registry drops it once NetMind confirmed");
            assertNull(after.getElementById("netmind-endpoints"), "no endpoint left to list");
        }
    }

    @Test
    void deleteRefusesAnotherControllersAndAnUnmanagedEndpoint() throws Exception {
        String other = endpoints.otherControllers("other-controllers", "team/nightly #41");
        String unmanaged = endpoints.unmanaged("made-in-the-console");
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            for (String id : List.of(other, unmanaged)) {
                HtmlPage after = wc.getPage(delete(wc, id));
                String notice = after.getHtmlElementById("netmind-notice").asNormalizedText();
                assertTrue(notice.startsWith("Not deleted:"), notice);
                assertTrue(notice.contains("Only this controller's endpoints are deleted here."), notice);
            }
        }
        assertTrue(sim.liveServices().containsAll(List.of(other, unmanaged)));
    }

    @Test
    void deleteNeedsPostAndAdminister() throws Exception {
        String orphan = endpoints.leftover("left-by-a-lost-build", Instant.now().plus(Duration.ofHours(2)));
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            Page get = wc.goTo("manage/netmind-endpoints/delete?serviceId=" + orphan, null);
            // Stapler does not dispatch a GET to a @POST method: nothing answers it
            assertEquals(404, get.getWebResponse().getStatusCode());
        }
        try (JenkinsRule.WebClient wc = j.createWebClient().login("reader")) {
            FailingHttpStatusCodeException refused =
                    assertThrows(FailingHttpStatusCodeException.class, () -> wc.getPage(delete(wc, orphan)));
            assertEquals(403, refused.getStatusCode());
        }
        assertTrue(sim.liveServices().contains(orphan), "still there");
    }

    @Test
    void withoutListRouteThePageSaysSoAndShowsTheEndpointsThisControllerRecorded() throws Exception {
        String orphan = endpoints.leftover("left-by-a-lost-build", Instant.now().plus(Duration.ofHours(2)));
        String other = endpoints.otherControllers("other-controllers", "team/nightly #41");
        sim.setListMode(NetMindSimulator.ListMode.NOT_FOUND);
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            HtmlPage page = wc.goTo("manage/netmind-endpoints/");
            String text = page.asNormalizedText();
            assertTrue(
                    text.contains("NetMind has no list route at credentials 'netmind-token' at " + sim.baseUrl()
                            + " (it answered 404/405): only the endpoints this controller recorded with it are shown"),
                    text);
            HtmlTable table = page.getHtmlElementById("netmind-endpoints");
            assertEquals(2, table.getRowCount(), table.asNormalizedText());
            assertRow(table, orphan, "orphan", true);
            assertFalse(text.contains(other), "NetMind could not say it exists");

            String notice = ((HtmlPage) wc.getPage(delete(wc, other)))
                    .getHtmlElementById("netmind-notice")
                    .asNormalizedText();
            assertTrue(
                    notice.startsWith("Nothing was deleted: endpoint \"" + other + "\" is not listed now. NetMind has"
                            + " no list route at credentials 'netmind-token'"),
                    notice);
        }
        assertTrue(sim.liveServices().contains(other));
    }

    @Test
    void whenNetMindDoesNotAnswerInTimeThePageSaysSo() throws Exception {
        endpoints.unmanaged("made-in-the-console");
        sim.faults().on(Route.LIST).always().latency(FleetService.PAGE_WAIT.plusSeconds(10));
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            HtmlPage page = wc.goTo("manage/netmind-endpoints/");
            String text = page.asNormalizedText();
            assertTrue(text.contains("NetMind did not answer within 20s; reload the page to try again."), text);
            assertNull(page.getElementById("netmind-endpoints"), "no table without an answer");
        }
    }

    @Test
    void sweepNowDeletesTheLeftoversAndThePageShowsWhatItDid() throws Exception {
        String orphan = endpoints.leftover("left-by-a-lost-build", Instant.now().plus(Duration.ofHours(2)));
        String unmanaged = endpoints.unmanaged("made-in-the-console");
        try (JenkinsRule.WebClient wc = j.createWebClient().login("reader")) {
            FailingHttpStatusCodeException refused =
                    assertThrows(FailingHttpStatusCodeException.class, () -> wc.getPage(post(wc, "sweepNow")));
            assertEquals(403, refused.getStatusCode());
        }
        assertTrue(sim.liveServices().contains(orphan), "a refused sweep deletes nothing");
        try (JenkinsRule.WebClient wc = j.createWebClient().login("admin")) {
            HtmlPage before = wc.goTo("manage/netmind-endpoints/");
            assertTrue(before.getHtmlElementById("netmind-last-sweep")
                    .asNormalizedText()
                    .contains("The sweep has not run since Jenkins started"));

            HtmlPage after = before.getHtmlElementById("netmind-sweep-now").click();
            String notice = after.getHtmlElementById("netmind-notice").asNormalizedText();
            String lastSweep = after.getHtmlElementById("netmind-last-sweep").asNormalizedText();
            System.out.println(notice + "\n" + lastSweep);
            assertTrue(notice.startsWith("The sweep ran: "), notice);
            assertTrue(notice.endsWith("through 1 connection(s): 1 orphan, 1 unmanaged; deleted 1."), notice);
            assertTrue(lastSweep.contains("left-by-a-lost-build (" + orphan + ")"), lastSweep);
            assertFalse(sim.liveServices().contains(orphan), "the orphan is deleted");
            assertTrue(sim.liveServices().contains(unmanaged), "the unmanaged endpoint is left alone");
            HtmlTable table = after.getHtmlElementById("netmind-endpoints");
            assertEquals(2, table.getRowCount(), table.asNormalizedText());
            assertRow(table, unmanaged, "unmanaged", false);
        }
    }

    private WebRequest delete(JenkinsRule.WebClient wc, String serviceId) throws Exception {
        return post(wc, "delete?serviceId=" + serviceId);
    }

    private WebRequest post(JenkinsRule.WebClient wc, String action) throws Exception {
        WebRequest request = new WebRequest(new URL(j.getURL(), "manage/netmind-endpoints/" + action), HttpMethod.POST);
        return wc.addCrumb(request);
    }

    private WorkflowRun startHoldingAnEndpoint() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "evals");
        job.setDefinition(
                new CpsFlowDefinition("withNetmindEndpoint(" + ENDPOINT + ") {\n  semaphore 'hold'\n}\n", true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("hold/1", run);
        return run;
    }

    private String runningServiceId(WorkflowRun run) {
        return EndpointRegistry.get().forRun(run.getExternalizableId()).get(0).getServiceId();
    }

    private static HtmlTableRow row(HtmlTable table, String serviceId) {
        for (HtmlTableRow row : table.getRows()) {
            if (serviceId.equals(row.getAttribute("data-service-id"))) {
                return row;
            }
        }
        throw new AssertionError("no row for " + serviceId + " in:\n" + table.asNormalizedText());
    }

    private static void assertRow(HtmlTable table, String serviceId, String state, boolean deletable) {
        HtmlTableRow row = row(table, serviceId);
        assertEquals(serviceId, row.getCell(1).asNormalizedText());
        assertEquals(state, row.getCell(10).asNormalizedText(), row.asNormalizedText());
        DomElement delete = row.getCell(11).getFirstByXPath(".//a[contains(@class, 'netmind-fleet__delete')]");
        boolean hasDelete = delete != null;
        if (hasDelete) {
            assertEquals("true", delete.getAttribute("data-post"), "Delete posts");
            assertEquals("delete?serviceId=" + serviceId, delete.getAttribute("data-url"));
            assertTrue(delete.getAttribute("data-message").contains(serviceId), delete.getAttribute("data-message"));
        }
        assertEquals(deletable, hasDelete, "Delete button on " + row.asNormalizedText());
    }
}
