#!/usr/bin/env python3
"""Small helpers for e2e/run.sh: Prometheus HTTP API calls and the Grafana dashboard's queries.

Standard library only (the CI machine has python3 but maybe not jq). Every HTTP call has a
timeout. Output is tab-separated text that run.sh reads line by line.

  promapi.py free-ports N                       N distinct free TCP ports on 127.0.0.1
  promapi.py query URL EXPR [TIME]              one line per series: {labels}<TAB>value
  promapi.py targets URL                        job<TAB>health<TAB>scrapeUrl<TAB>lastError
  promapi.py metadata URL JOB                   metric<TAB>type, as Prometheus stored them for JOB
  promapi.py dashboard URL FILE TIME JOB INSTANCE RANGE
        runs every PromQL expression of a Grafana dashboard (panel targets, and label_values()
        variable queries turned into `count by (label) (selector)`) with $job/$instance replaced
        by the regexes JOB/INSTANCE and Grafana's range variables ($__rate_interval, $__range,
        $__interval) by RANGE, e.g. 90s, so that rates cover the whole run; prints
        ok|FAIL<TAB>series<TAB>finite<TAB>title<TAB>expr and exits 1 if any failed.
  promapi.py variable URL FILE NAME TIME        the values the dashboard's label_values() variable
        NAME offers at TIME (other variables in its selector taken as .*), one a line
"""
import json
import math
import re
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

TIMEOUT = 10

# Grafana's built-in range variables, all given the length of the run.
INTERVALS = ("__rate_interval", "__interval", "__range")


def api(url, path, params):
    full = url.rstrip("/") + path + "?" + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(full, timeout=TIMEOUT) as response:
            body = json.load(response)
    except urllib.error.HTTPError as e:
        body = json.load(e)
    if body.get("status") != "success":
        raise ValueError(f"{body.get('errorType')}: {body.get('error')}")
    return body["data"]


def labels(metric):
    parts = [f'{k}="{v}"' for k, v in sorted(metric.items()) if k != "__name__"]
    return metric.get("__name__", "") + "{" + ",".join(parts) + "}"


def query(url, expr, time=None):
    params = {"query": expr}
    if time:
        params["time"] = time
    data = api(url, "/api/v1/query", params)
    if data["resultType"] == "scalar":
        return [({}, float(data["result"][1]))]
    if data["resultType"] != "vector":
        raise ValueError(f"expected a vector, got {data['resultType']}")
    return [(r["metric"], float(r["value"][1])) for r in data["result"]]


def substitute(expr, job, instance, window):
    values = dict({name: window for name in INTERVALS}, job=job, instance=instance)

    def replace(match):
        name = match.group(1) or match.group(2)
        if name not in values:
            raise ValueError(f"unknown variable ${name}")
        return values[name]

    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", replace, expr)


def label_values(variable):
    """(selector, label) of a label_values(selector, label) variable query."""
    text = variable.get("query")
    text = text.get("query") if isinstance(text, dict) else text
    match = re.fullmatch(r"\s*label_values\((.*),\s*(\w+)\)\s*", text or "")
    if not match:
        raise ValueError(f"variable {variable.get('name')}: not label_values(selector, label): {text}")
    return match.group(1), match.group(2)


def dashboard_queries(dashboard):
    """(title, expr) of every panel target, rows' nested panels included, and of every variable."""
    def walk(panels):
        for panel in panels:
            for target in panel.get("targets", []):
                if target.get("expr"):
                    yield panel.get("title", "?") + " [" + target.get("refId", "?") + "]", target["expr"]
            yield from walk(panel.get("panels", []))

    yield from walk(dashboard.get("panels", []))
    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") != "query":
            continue
        selector, label = label_values(variable)
        yield "variable $" + variable["name"], f"count by ({label}) ({selector})"


def variable_values(url, path, name, time):
    with open(path, encoding="utf-8") as f:
        dashboard = json.load(f)
    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("name") == name and variable.get("type") == "query":
            selector, label = label_values(variable)
            result = query(url, f"count by ({label}) ({substitute(selector, '.*', '.*', '1m')})", time)
            return sorted(metric.get(label, "") for metric, _ in result)
    raise ValueError(f"{path}: no query variable {name}")


def check_dashboard(url, path, time, job, instance, window):
    with open(path, encoding="utf-8") as f:
        dashboard = json.load(f)
    failed = 0
    for title, raw in dashboard_queries(dashboard):
        expr = " ".join(raw.split())
        try:
            result = query(url, substitute(expr, job, instance, window), time)
            finite = sum(1 for _, v in result if not math.isnan(v) and not math.isinf(v))
            status = "ok" if finite > 0 else "FAIL"
            detail = f"{len(result)}\t{finite}"
        except (ValueError, OSError) as e:
            status, detail = "FAIL", f"error\t{e}"
        failed += status != "ok"
        print(f"{status}\t{detail}\t{title}\t{expr}")
    return 1 if failed else 0


def free_ports(count):
    sockets = []
    try:
        for _ in range(count):  # all held open at once, so the ports are distinct
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def main(args):
    command = args[0] if args else ""
    try:
        if command == "free-ports":
            print(" ".join(str(p) for p in free_ports(int(args[1]))))
        elif command == "query":
            for metric, value in query(args[1], args[2], args[3] if len(args) > 3 else None):
                print(f"{labels(metric)}\t{value:g}")
        elif command == "targets":
            for t in api(args[1], "/api/v1/targets", {"state": "active"})["activeTargets"]:
                print("\t".join([t["labels"].get("job", ""), t["health"], t["scrapeUrl"],
                                 " ".join(t.get("lastError", "").split())]))
        elif command == "metadata":
            for m in api(args[1], "/api/v1/targets/metadata", {"match_target": '{job="%s"}' % args[2]}):
                print(f"{m['metric']}\t{m['type']}")
        elif command == "dashboard":
            return check_dashboard(*args[1:7])
        elif command == "variable":
            for value in variable_values(*args[1:5]):
                print(value)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except (ValueError, OSError, KeyError, IndexError) as e:
        print(f"promapi {command}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
