"""Runs axe-core in pages in one headless Chromium, over the DevTools
protocol (the `websocket-client` package), as tests/site.rs asks:

    python3 tests/axe.py CHROMIUM AXE_MIN_JS [--widths=1280,375,320] PAGE.html...

For each width (320 alone by default) and each page: a viewport that wide
and 800 CSS pixels high, the page loaded from its file, axe.min.js evaluated
in it (DevTools runs it whatever the page's Content-Security-Policy says, as
it must, since the policy forbids scripts), then axe.run. Prints one JSON
line a page and width: its violations of every impact (minor to critical),
and by how many pixels the page is wider than the viewport.
"""

import json
import subprocess
import sys
import tempfile

import websocket

CHECK = """
axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
  return JSON.stringify({
    violations: r.violations
      .map(function (v) {
        return v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
          v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join('; ');
      }),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth
  });
})
"""


class Browser:
    def __init__(self, chromium, profile):
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile,
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in self.process.stderr:
            if line.startswith("DevTools listening on "):
                url = line.split(" on ", 1)[1].strip()
                break
        else:
            raise SystemExit("chromium did not start its DevTools endpoint")
        self.socket = websocket.create_connection(url, timeout=120)
        self.next_id = 0

    def send(self, method, session=None, **params):
        """Sends a command and waits for its answer (events meanwhile are dropped,
        except those `wait` is after)."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            answer = json.loads(self.socket.recv())
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise SystemExit(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def wait(self, method):
        while True:
            for event in self.events:
                if event.get("method") == method:
                    self.events.remove(event)
                    return event
            self.events.append(json.loads(self.socket.recv()))

    events = []

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait()


def main():
    chromium, axe_js, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    widths = [320]
    if rest and rest[0].startswith("--widths="):
        widths = [int(w) for w in rest[0][len("--widths="):].split(",")]
        rest = rest[1:]
    pages = rest
    axe = open(axe_js, encoding="utf-8").read()
    # Chromium's helper processes may still be writing to the profile when
    # the browser has gone: a profile left behind in the temporary directory
    # is no failure of the page.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.send("Target.createTarget", url="about:blank")["targetId"]
            session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            browser.send("Page.enable", session)
            for width in widths:
                browser.send("Emulation.setDeviceMetricsOverride", session, width=width, height=800,
                             deviceScaleFactor=1, mobile=False)
                for page in pages:
                    browser.events.clear()
                    browser.send("Page.navigate", session, url="file://" + page)
                    browser.wait("Page.loadEventFired")
                    browser.send("Runtime.evaluate", session, expression=axe)
                    result = browser.send("Runtime.evaluate", session, expression=CHECK,
                                          awaitPromise=True, returnByValue=True)
                    if "exceptionDetails" in result:
                        report = {"error": json.dumps(result["exceptionDetails"])[:2000]}
                    else:
                        report = json.loads(result["result"]["value"])
                    report["page"] = page
                    report["width"] = width
                    print(json.dumps(report), flush=True)
        finally:
            browser.close()


main()
