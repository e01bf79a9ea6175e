package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model reads NetMind's sample responses, ignores unknown fields and accepts numbers written as strings. */
class ModelTest {

    @Test
    void readsTheSeedFlavors() throws Exception {
        JsonNode list = JsonText.MAPPER.readTree(SeedExamples.FLAVORS).get("flavor_list");
        Flavor cn = JsonText.MAPPER.treeToValue(list.get(0), Flavor.class);
        Flavor other = JsonText.MAPPER.treeToValue(list.get(1), Flavor.class);

        assertEquals("69475e82e81c4dd6be3467e2ca374e0c", cn.flavorId());
        assertEquals("NVIDIA_GeForce_RTX_4090", cn.displayName());
        assertEquals("US_01_4090", cn.clusterFlavorId());
        assertEquals("cn", cn.region());
        assertEquals("other", other.region());
        assertEquals("12.0", cn.metaInfo().cuda());
        assertEquals(Optional.of(new BigDecimal("0.3")), cn.price("usd"));
        assertEquals(Optional.of(new BigDecimal("2.2")), cn.price("CNY"));
        assertEquals(Optional.of(new BigDecimal("0.147164")), cn.price("nmt"));
        assertEquals(Optional.empty(), cn.price("eur"));
        assertEquals(1, cn.availableNum());
        assertEquals(2, cn.nodeMaxGpu());
        assertFalse(cn.deleted());
        assertNull(cn.deletedAt());
        assertEquals("2024-11-13 09:00:19", cn.createdAt());
    }

    @Test
    void readsTheSeedServiceResponses() throws Exception {
        Service created = JsonText.MAPPER.readValue(SeedExamples.CREATE_RESPONSE, Service.class);
        Service got = JsonText.MAPPER.readValue(SeedExamples.GET_RESPONSE, Service.class);

        assertEquals("initializing", created.status());
        assertFalse(created.isAvailable());
        assertFalse(created.isTerminalFailure());
        assertTrue(got.isAvailable());
        assertEquals("test-flask-server-9", got.name());
        assertEquals("u-123", got.userId());
        assertEquals("normal", got.serviceType());
        assertEquals("usd", got.paymentType());
        assertFalse(got.isGone());
        assertEquals("", got.statusInfoText());
        Service.ResourceMetadata res = got.resourceMetadata();
        assertEquals("NVIDIA_GeForce_RTX_4090", res.resourceDisplayName());
        assertEquals("manual", res.scaleType());
        assertEquals(1, res.targetInstanceNumber());
        assertEquals("32GB", res.vram());
        assertEquals("12GB", res.imageSize());
        assertTrue(res.scalePolicy().isNull());
        assertEquals(0.3, got.billingMetadata().get("price_unit").asDouble());
        assertEquals(8080, got.deployMetadata().get("port").asInt());
        assertEquals(
                "https://ep-5f0c8a7e.netmind.example/", got.endpointUrl().url().toString());
        assertEquals("url", got.endpointUrl().key());
    }

    @Test
    void acceptsTheInstanceCountAsAString() throws Exception {
        Service service = JsonText.MAPPER.readValue(SeedExamples.STRING_COUNT_RESPONSE, Service.class);
        assertEquals(2, service.resourceMetadata().targetInstanceNumber());
    }

    @Test
    void ignoresUnknownFieldsAndToleratesMissingOnes() throws Exception {
        Service service = JsonText.MAPPER.readValue("""
                {"service_id": "s1", "status": "Running", "brand_new_field": {"x": [1, 2]},
                 "resource_metadata": {"target_instance_number": "3", "autoscale_hint": true},
                 "is_deleted": true, "status_info": {"message": "pulling image"}}
                """, Service.class);
        assertEquals("s1", service.serviceId());
        assertEquals(3, service.resourceMetadata().targetInstanceNumber());
        assertTrue(service.isGone());
        assertEquals("pulling image", service.statusInfoText());
        assertTrue(service.endpointMetadata().isNull());
        assertNull(service.name());
        Flavor flavor = JsonText.MAPPER.readValue(
                "{\"flavor_id\": \"f\", \"available_num\": \"5\", \"gpu_memory\": 80}", Flavor.class);
        assertEquals(5, flavor.availableNum());
        assertEquals(0, flavor.nodeMaxGpu());
        assertEquals(Optional.empty(), flavor.price("usd"));
    }

    @Test
    void recognisesFailureStatuses() throws Exception {
        for (String status : List.of("failed", "deploy_error", "Stopped", "deleted", "CREATE_FAILED")) {
            Service s = JsonText.MAPPER.readValue("{\"status\": \"" + status + "\"}", Service.class);
            assertTrue(s.isTerminalFailure(), status);
        }
        for (String status : List.of("initializing", "available", "pending", "scaling")) {
            Service s = JsonText.MAPPER.readValue("{\"status\": \"" + status + "\"}", Service.class);
            assertFalse(s.isTerminalFailure(), status);
        }
    }

    @Test
    void createRequestSerialisesExactlyAsTheSeed() throws Exception {
        CreateServiceRequest request = new CreateServiceRequest(
                "test-flask-server-9",
                "test",
                "usd",
                CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                new CreateServiceRequest.Deployment(
                        "python:3.10-slim",
                        "pip install flask && apt update && apt install -y curl && curl -O "
                                + "https://raw.githubusercontent.com/huang-hf/share_data/refs/heads/main/app.py "
                                + "&& python app.py",
                        8080,
                        0));
        JsonNode expected = JsonText.MAPPER.readTree(SeedExamples.CREATE_REQUEST);
        assertEquals(expected, JsonText.MAPPER.valueToTree(request));
        assertEquals(
                "[name, description, payment_type, resource_metadata, deploy_metadata]",
                fieldNames(JsonText.MAPPER.readTree(JsonText.MAPPER.writeValueAsString(request))));
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }
}
