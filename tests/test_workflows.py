"""The GitHub workflows: zizmor finds nothing, and the hardening rules hold when read from the YAML."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def _steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_zizmor_pedantic_reports_nothing() -> None:
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert zizmor, "zizmor is installed by requirements-dev.txt"
    run = subprocess.run([zizmor, "--offline", "--persona=pedantic", "--no-progress", str(REPO / ".github")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings" in run.stdout + run.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_pinning_and_no_interpolation_in_run(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {}
    triggers = workflow["on"]
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, name
    for step in _steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), step["uses"]
            line = next(text for text in path.read_text().splitlines() if step["uses"] in text)
            assert re.search(r"# v\d+\.\d+\.\d+", line), f"no version comment: {line}"
        if "run" in step:
            assert "${{" not in step["run"], step["run"]
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_check_workflow_annotates_pull_requests_and_uploads_the_site() -> None:
    workflow = _load(REPO / ".github" / "workflows" / "check.yml")
    assert set(workflow["on"]) == {"pull_request", "push"}
    runs = [s.get("run", "") for s in _steps(workflow)]
    assert any("generator check --format github" in r for r in runs)
    assert any(r.strip() == "make test" for r in runs) and any(r.strip() == "make build" for r in runs)
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in _steps(workflow))
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}


def test_deploy_workflow_alone_can_write_pages() -> None:
    workflow = _load(REPO / ".github" / "workflows" / "deploy.yml")
    assert set(workflow["on"]) == {"push", "workflow_dispatch"}
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages" and deploy["needs"] == "build"
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    for step in _steps(workflow):  # no caches: a poisoned cache must never reach the published site
        assert "cache" not in step.get("with", {}), step
        assert not step.get("uses", "").startswith("actions/cache"), step


def test_dependabot_keeps_actions_and_pip_current() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text())
    ecosystems = {u["package-ecosystem"] for u in config["updates"]}
    assert {"github-actions", "pip"} <= ecosystems


def test_github_annotation_matches_the_workflow_command(tmp_path) -> None:
    """The exact command of the workflow, on a broken event, prints ::error with file and line."""
    from tests.cases import copy_site
    root = copy_site(tmp_path / "repo")
    event = root / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    event.write_text(event.read_text().replace("participant: [riverside-council]", "participant: [riverside_council]"))
    line = next(n for n, text in enumerate(event.read_text().splitlines(), 1) if "riverside_council" in text)
    workflow = _load(REPO / ".github" / "workflows" / "check.yml")
    command = next(s["run"] for s in _steps(workflow) if "--format github" in s.get("run", ""))
    argv = command.split()
    assert argv[0] == ".venv/bin/python"
    run = subprocess.run([sys.executable, *argv[1:]], cwd=root, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert (f"::error file=events/2024/2024-10-08-first-repairs.yaml,line={line},col=17,"
            "title=[unknown-actor]::unknown actor 'riverside_council'; did you mean 'riverside-council'?"
            ) in run.stdout.splitlines()


def test_contributor_files_exist_and_parse() -> None:
    for form in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        data = yaml.safe_load(form.read_text())
        if form.name != "config.yml":
            assert data["body"] and data["name"]
    assert (REPO / ".github" / "pull_request_template.md").read_text().count("- [ ]") >= 5
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "timeline-check" and "check" in hooks[0]["entry"]
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    assert config["repos"][0]["hooks"][0]["files"] == "^(events|seeds)/"


def test_codeowners_cover_everything_but_event_data() -> None:
    import pathspec

    rules = []
    for line in (REPO / ".github" / "CODEOWNERS").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((pathspec.PathSpec.from_lines("gitignore", [pattern]), owners))
    tracked = subprocess.run(["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    samples = tracked + ["docs/evil.html", "Makefile", "requirements.txt", "requirements-dev.txt", "pyproject.toml",
                         "package.json", "package-lock.json", ".ci/run", ".pre-commit-config.yaml", "mkdocs.yml",
                         "SECURITY.md", "events/2024/x.yaml", "seeds/x.txt"]
    for path in samples:
        owners = None
        for spec, names in rules:  # the last matching pattern wins, as on GitHub
            if spec.match_file(path):
                owners = names
        is_data = path.startswith(("events/", "seeds/"))
        assert bool(owners) != is_data, (path, owners)
