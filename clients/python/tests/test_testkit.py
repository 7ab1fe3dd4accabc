"""The testkit's fixtures against a real smarthub-sim (started by the plugin, or SMARTHUB_SIM_URL)."""

from datetime import timedelta

import requests


def test_a_tenant_sees_its_own_enterprise_copied_from_the_default_seed(smarthub):
    enterprise = smarthub.session.get(f"{smarthub.base_url}/enterprise", timeout=10).json()
    assert enterprise["name"] == smarthub.enterprise_name
    assert smarthub.base_url.endswith("/v1")
    sims = smarthub.session.get(f"{smarthub.base_url}/global-sims", params={"size": 1}, timeout=10).json()
    assert sims["total"] == 50


def test_advance_moves_this_tenants_clock_and_no_other(smarthub, smarthub_server):
    world_before = smarthub_server.control("GET", "/clock").json()["now"]
    before = smarthub.now()
    after = smarthub.advance("30d")
    assert after - before == timedelta(days=30)
    assert smarthub.now() == after
    assert smarthub.advance(90) - after == timedelta(seconds=90)
    assert smarthub_server.control("GET", "/clock").json()["now"] == world_before


def test_the_webhook_receives_the_tenants_pushes_signed_once_its_clock_moves(smarthub):
    giccid = smarthub.session.get(f"{smarthub.base_url}/global-sims", params={"status": "ACTIVATED", "size": 1},
                                  timeout=10).json()["sims"][0]["giccid"]
    webhook = smarthub.webhook
    assert smarthub.session.post(f"{smarthub.base_url}/global-sims/{giccid}/suspend", timeout=10).status_code == 200
    assert webhook.pushes() == []
    smarthub.advance("1s")
    pushes = webhook.pushes(event_type="SIM_STATUS_CHANGE", giccid=giccid)
    assert [push["data"]["currentStatus"] for push in pushes] == ["DEACTIVATED"]
    assert pushes[0]["enterpriseName"] == smarthub.enterprise_name
    assert webhook.pushes(event_type="MO_SMS") == []


def test_a_fault_forces_an_answer_for_this_tenant_only(smarthub, smarthub_server):
    smarthub.fault(path="/v1/enterprise", status=503, times=1)
    forced = smarthub.session.get(f"{smarthub.base_url}/enterprise", timeout=10)
    assert forced.status_code == 503
    assert forced.json()["status"] == 503
    assert smarthub.session.get(f"{smarthub.base_url}/enterprise", timeout=10).status_code == 200


def test_after_a_test_its_tenant_faults_and_receiver_are_gone(pytester, smarthub_server):
    pytester.makepyfile(
        """
        def test_inner(smarthub):
            smarthub.fault(path="/v1/enterprise", status=500)
            smarthub.webhook
            with open("tenant.txt", "w") as f:
                f.write(smarthub.enterprise_name)
        """)
    environment = {"SMARTHUB_SIM_URL": smarthub_server.url}
    if smarthub_server.admin_token:
        environment["SMARTHUB_SIM_ADMIN_TOKEN"] = smarthub_server.admin_token
    for key, value in environment.items():
        pytester._monkeypatch.setenv(key, value)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    name = (pytester.path / "tenant.txt").read_text()
    listed = [e["name"] for e in smarthub_server.control("GET", "/enterprises").json()["enterprises"]]
    assert name.startswith("pytest-") and name not in listed


def test_a_push_with_a_bad_signature_fails_the_test(pytester, smarthub_server):
    pytester.makepyfile(
        """
        def test_inner(smarthub):
            hook = smarthub.webhook
            # Something else changes the secret behind the receiver's back
            smarthub.control("PUT", "/webhooks", json={"url": hook.url, "secret": "not-the-receivers"})
            sims = smarthub.session.get(smarthub.base_url + "/global-sims", params={"status": "ACTIVATED", "size": 1}).json()
            smarthub.session.post(smarthub.base_url + "/global-sims/" + sims["sims"][0]["giccid"] + "/suspend")
            smarthub.advance(0)
            hook.pushes()
        """)
    pytester._monkeypatch.setenv("SMARTHUB_SIM_URL", smarthub_server.url)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1, errors=1)
    result.stdout.fnmatch_lines(["*SignatureError*bad signature*"])


def test_the_server_answers_the_tenants_key_only(smarthub, smarthub_server):
    other = requests.get(f"{smarthub_server.url}/v1/enterprise", headers={"X-API-Key": "unknown-key-000000"}, timeout=10)
    assert other.status_code == 401
