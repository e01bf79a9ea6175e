package io.jenkins.plugins.netmind.client;

/**
 * NetMind's examples from the API page (the seed), verbatim except that each {@code ...} is replaced by an object or
 * a value, as the issue asks.
 */
final class SeedExamples {

    private SeedExamples() {}

    static final String FLAVORS = """
            {
            "flavor_list": [
            {
            "flavor_id": "69475e82e81c4dd6be3467e2ca374e0c",
            "display_name": "NVIDIA_GeForce_RTX_4090",
            "cluster_id": "1",
            "cluster_flavor_id": "US_01_4090",
            "meta_info": {
            "cuda": "12.0",
            "region": "cn"
            },
            "billing": {
            "cny_price_unit": 2.2,
            "usd_price_unit": 0.3,
            "nmt_price_unit": 0.147164
            },
            "created_at": "2024-11-13 09:00:19",
            "updated_at": "2024-11-13 09:00:19",
            "deleted_at": null,
            "is_deleted": false,
            "available_num": 1,
            "node_max_gpu": 2
            },
            {
            "flavor_id": "7b2f36d30e0743debc6c60d5017e2d16",
            "display_name": "NVIDIA_GeForce_RTX_4090",
            "cluster_id": "1",
            "cluster_flavor_id": "US_01_4090",
            "meta_info": {
            "cuda": "12.0",
            "region": "other"
            },
            "billing": {
            "cny_price_unit": 2.2,
            "usd_price_unit": 0.3,
            "nmt_price_unit": 0.147164
            },
            "created_at": "2024-11-13 09:00:19",
            "updated_at": "2024-11-13 09:00:19",
            "deleted_at": null,
            "is_deleted": false,
            "available_num": 1,
            "node_max_gpu": 2
            }
            ]
            }
            """;

    static final String CREATE_REQUEST = """
            {
            "name": "test-flask-server-9",
            "description": "test",
            "payment_type": "usd",
            "resource_metadata": {
            "flavor_id": "69475e82e81c4dd6be3467e2ca374e0c",
            "scale_type": "manual",
            "target_instance_number": 1
            },
            "deploy_metadata": {
            "image_url": "python:3.10-slim",
            "command": "pip install flask && apt update && apt install -y curl && curl -O https://raw.githubusercontent.com/huang-hf/share_data/refs/heads/main/app.py && python app.py",
            "port": 8080,
            "gpu_num": 0
            }
            }""";

    static final String UPDATE_REQUEST = """
            {
            "resource_metadata": {
            "target_instance_number": "2"
            }
            }""";

    /** The create/get/update response with the seed's {@code ...} filled in; {@code %s} is the status. */
    private static final String SERVICE = """
            {
            "service_id": "5f0c8a7e2b9d4c1e8f3a6b7c9d0e1f2a",
            "name": "test-flask-server-9",
            "description": "test",
            "user_id": "u-123",
            "status": "%s",
            "status_info": null,
            "resource_metadata": {
            "resource_display_name": "NVIDIA_GeForce_RTX_4090",
            "scale_type": "manual",
            "flavor_id": "69475e82e81c4dd6be3467e2ca374e0c",
            "target_instance_number": %s,
            "scale_policy": null,
            "VRAM": "32GB",
            "image_size": "12GB"
            },
            "billing_metadata": {
            "price_unit": 0.3, "currency": "usd"
            },
            "endpoint_metadata": {
            "url": "https://ep-5f0c8a7e.netmind.example/"
            },
            "deploy_metadata": {
            "image_url": "python:3.10-slim", "port": 8080, "gpu_num": 0
            },
            "service_type": "normal",
            "created_at": "2024-11-13 09:00:19",
            "updated_at": "2024-11-13 09:00:19",
            "deleted_at": null,
            "is_deleted": false,
            "payment_type": "usd"
            }
            """;

    static final String CREATE_RESPONSE = SERVICE.formatted("initializing", "1");
    static final String GET_RESPONSE = SERVICE.formatted("available", "1");
    static final String UPDATE_RESPONSE = SERVICE.formatted("initializing", "1");
    /** The same with the instance count as a string, as the update request sends it. */
    static final String STRING_COUNT_RESPONSE = SERVICE.formatted("available", "\"2\"");
}
