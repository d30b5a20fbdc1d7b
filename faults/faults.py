#!/usr/bin/env python3
"""Reads the results of one fault-injection run, and writes the table of all runs (see run.sh).

  faults.py collect REPO NAME COMMIT INPUTS MAVEN_EXIT SECONDS OUT.json
  faults.py table ROOT            # ROOT/reports/fault-detection/*.json -> ROOT/reports/fault-detection.md

A test that caught a fault is one that failed or errored in target/surefire-reports. Claim tests are
the methods of the *Claims classes in theorycheck.claims; each carries @ClaimId("<id>"), read from the
test sources to map a method back to its claim id. Every other test is a core test (its class is in one
of the core packages) or a harness test (claim machinery, report, command line, catalogue checks).
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

CORE = ["linalg", "data", "loss", "optim", "model", "measure", "reference", "train"]
CLAIM_ID = re.compile(r'@ClaimId\("([^"]+)"\)\s*void\s+(\w+)\s*\(')


def claim_methods(repo):
    """(class simple name, method) -> claim id, from the *Claims test classes."""
    out = {}
    for path in glob.glob(os.path.join(repo, "src/test/java/theorycheck/claims/*Claims.java")):
        cls = os.path.basename(path)[:-len(".java")]
        with open(path, encoding="utf-8") as f:
            for claim_id, method in CLAIM_ID.findall(f.read()):
                out[(cls, method)] = claim_id
    return out


def patch_header(path):
    """The 'Key: value' lines a patch file starts with, before its first diff."""
    head = {}
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("diff --git"):
                    break
                m = re.match(r"(\w+):\s*(.*)", line.rstrip("\n"))
                if m:
                    head[m.group(1).lower()] = m.group(2)
    return head


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip() and not line.strip().startswith("Multiple Failures"):
            return line.strip()[:300]
    return ""


def collect(repo, name, commit, inputs, rc, seconds, out_path):
    claims = claim_methods(repo)
    head = patch_header(os.path.join(repo, "faults", name + ".patch"))
    result = {
        "name": name,
        "package": head.get("package", "-" if name == "baseline" else "?"),
        "fault": head.get("fault", "no patch" if name == "baseline" else ""),
        "commit": commit,
        "inputs": inputs,
        "maven_exit": int(rc),
        "seconds": int(seconds),
        "claims_total": len(claims),
        "claims_run": 0,
        "claims_caught": [],
        "other_run": 0,
        "other_caught": [],
    }
    reports = sorted(glob.glob(os.path.join(repo, "target/surefire-reports/TEST-*.xml")))
    for path in reports:
        for case in ET.parse(path).getroot().iter("testcase"):
            cls = case.get("classname", "")
            method = re.sub(r"\(.*$", "", case.get("name", ""))
            bad = case.find("failure")
            if bad is None:
                bad = case.find("error")
            skipped = case.find("skipped") is not None
            simple = cls.rsplit(".", 1)[-1]
            claim_id = claims.get((simple, method))
            if claim_id is not None:
                result["claims_run"] += 0 if skipped else 1
                if bad is not None:
                    result["claims_caught"].append({
                        "id": claim_id, "kind": bad.tag,
                        "message": first_line(bad.get("message") or bad.text)})
                continue
            result["other_run"] += 0 if skipped else 1
            if bad is not None:
                parts = cls.split(".")
                core = len(parts) > 2 and parts[0] == "theorycheck" and parts[1] in CORE
                result["other_caught"].append({
                    "class": cls, "test": method, "core": core, "kind": bad.tag,
                    "message": first_line(bad.get("message") or bad.text)})
    result["reports"] = len(reports)
    result["claims_caught"].sort(key=lambda c: c["id"])
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: maven exit {rc}, {seconds} s, claims caught {len(result['claims_caught'])}"
          f"/{result['claims_run']}, core+harness caught {len(result['other_caught'])}/{result['other_run']}")


def minutes(seconds):
    return f"{seconds // 60} min {seconds % 60:02d} s"


def order(r):
    if r["name"] == "baseline":
        return (-1, "")
    pkg = r["package"]
    return (CORE.index(pkg) if pkg in CORE else len(CORE), r["name"])


def classes_cell(caught):
    if not caught:
        return "0"
    core = sum(1 for c in caught if c["core"])
    counts = {}
    for c in caught:
        simple = c["class"].rsplit(".", 1)[-1]
        counts[simple] = counts.get(simple, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(f"{k} ×{v}" if v > 1 else k for k, v in top[:4])
    more = f", +{len(top) - 4} more classes" if len(top) > 4 else ""
    return f"**{len(caught)}** (core {core}, harness {len(caught) - core}): {shown}{more}"


def claims_cell(r):
    ids = [c["id"] for c in r["claims_caught"]]
    if not ids:
        return f"**0** / {r['claims_total']}"
    shown = ", ".join(f"`{i}`" for i in ids[:8])
    more = f", +{len(ids) - 8} more" if len(ids) > 8 else ""
    return f"**{len(ids)}** / {r['claims_total']}: {shown}{more}"


def table(root):
    res_dir = os.path.join(root, "reports", "fault-detection")
    runs = []
    for path in glob.glob(os.path.join(res_dir, "*.json")):
        with open(path, encoding="utf-8") as f:
            runs.append(json.load(f))
    runs.sort(key=order)
    done = {r["name"] for r in runs}
    patches = sorted(os.path.basename(p)[:-len(".patch")] for p in glob.glob(os.path.join(root, "faults", "*.patch")))
    missing = [p for p in patches if p not in done]
    if "baseline" not in done:
        missing.insert(0, "baseline")

    lines = ["# Which tests catch a fault in the core", "",
             "Generated by `faults/run.sh` (see `faults/`): each row is one full `mvn -B -o test` of the commit",
             "named, in a fresh clone with one fault patch applied. *Claims* are the claim tests (one per claim,",
             "`*Claims` classes); *core / harness* are all other tests (core: classes in theorycheck.linalg, data,",
             "loss, optim, model, measure, reference, train). A test *catches* the fault when it fails or errors.", ""]
    base = next((r for r in runs if r["name"] == "baseline"), None)
    if base is None:
        lines += ["**No baseline run yet: the rows below mean nothing until the unpatched build passes.**", ""]
    else:
        clean = not base["claims_caught"] and not base["other_caught"] and base["maven_exit"] == 0
        lines += [f"Baseline (no patch): {len(base['claims_caught'])} claim tests and {len(base['other_caught'])} "
                  f"other tests failed of {base['claims_run']} + {base['other_run']} run"
                  + (" — the experiment is valid." if clean else " — **not clean: the rows below are not evidence.**"),
                  ""]
    lines += ["| fault | package | what the patch does | claims that caught it | core / harness tests that caught it | wall time |",
              "|---|---|---|---|---|---|"]
    for r in runs:
        broken = "" if r.get("reports") else " (**no test reports: the build failed**)"
        lines.append(f"| `{r['name']}` | {r['package']} | {r['fault']}{broken} | {claims_cell(r)} | "
                     f"{classes_cell(r['other_caught'])} | {minutes(r['seconds'])} |")
    lines.append("")
    if missing:
        lines += ["Not run yet: " + ", ".join(f"`{m}`" for m in missing) + ".", ""]
    commits = sorted({r["commit"][:10] for r in runs})
    inputs = sorted({r["inputs"][:10] for r in runs})
    same = "the same build inputs" if len(inputs) == 1 else "**different build inputs**"
    lines += [f"Commit(s) tested: {', '.join(commits)}, with {same} (hash of src/, theorems/, pom.xml, .ci/ and "
              f"reports/verdicts.json: {', '.join(inputs)}). Total wall time of the runs above: "
              f"{minutes(sum(r['seconds'] for r in runs))}.", "", "## Details", ""]
    for r in runs:
        if r["name"] == "baseline":
            continue
        lines += [f"### `{r['name']}` ({r['package']})", "", r["fault"], ""]
        if r["claims_caught"]:
            lines.append("Claims:")
            for c in r["claims_caught"]:
                lines.append(f"- `{c['id']}` ({c['kind']}): {c['message']}")
            lines.append("")
        if r["other_caught"]:
            lines.append("Core and harness tests:")
            for c in r["other_caught"]:
                lines.append(f"- {c['class'].rsplit('.', 1)[-1]}.{c['test']} ({c['kind']}): {c['message']}")
            lines.append("")
    text = "\n".join(lines).replace("\r", "")
    with open(os.path.join(root, "reports", "fault-detection.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote reports/fault-detection.md: {len(runs)} runs, {len(missing)} not run")


if __name__ == "__main__":
    if len(sys.argv) == 9 and sys.argv[1] == "collect":
        collect(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        sys.exit(__doc__)
