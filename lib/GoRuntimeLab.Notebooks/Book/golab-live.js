// golab-live.js — the book's live widgets (written by `golab book` to live/golab-live.js).
//
// Contract (issue 15): an element <div data-golab-live="gc simulate" data-arg-gogc="100" …> is a widget. Each
// data-arg-<flag> attribute is one golab flag (--<flag> <value>; "true"/"false" for a switch); data-golab-positional
// lists the attributes passed as positional arguments, in order (e.g. "size" for `alloc class SIZE`). The widget runs
// golab's own command line compiled to WebAssembly (lib/GoRuntimeLab.Wasm: the same GolabCli, the same models) with
// those flags plus --json, and sets data-golab-result to exactly the JSON document `golab <command> <flags> --json`
// prints. Changing a control or an attribute recomputes. A failure shows golab's own one-line message in the widget.
// Over file:// the runtime cannot load, so each widget says it needs http instead of failing.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? new URL(".", script.src).href : new URL("live/", location.href).href;

  // Which charts a command's JSON becomes. Presentation only: every number comes from golab's JSON.
  var MiB = 1048576;
  var charts = {
    "gc simulate": function (r) {
      var t = r.cycles.map(function (c) { return c.startNs / 1e9; });
      var line = function (name, key) {
        return { type: "scatter", mode: "lines+markers", name: name, x: t, y: r.cycles.map(function (c) { return c[key] / MiB; }) };
      };
      return {
        data: [line("触发点 trigger", "trigger"), line("标记结束时的堆 heap at mark end", "heapAtMarkEnd"), line("目标 goal", "goal"), line("存活 marked", "marked")],
        layout: { title: { text: "gc simulate：" + r.gcCount + " 次 GC，峰值 " + (r.peakHeapBytes / MiB).toFixed(1) + " MiB，GC CPU " + (100 * r.gcCpuFraction).toFixed(1) + "%" },
          xaxis: { title: { text: "时间 (s)" } }, yaxis: { title: { text: "MiB" } } },
      };
    },
    "gc guide": function (r) {
      var t = r.series.map(function (p) { return p.t; });
      var area = function (name, key) {
        return { type: "scatter", mode: "lines", stackgroup: "mem", name: name, x: t, y: r.series.map(function (p) { return p[key]; }) };
      };
      var data = [area("其他内存 other", "other"), area("存活堆 live heap", "live"), area("新分配 new heap", "new")];
      if (r.memoryLimit !== null && r.memoryLimit !== undefined)
        data.push({ type: "scatter", mode: "lines", name: "GOMEMLIMIT", x: [t[0], t[t.length - 1]], y: [r.memoryLimit, r.memoryLimit], line: { dash: "dash" } });
      return {
        data: data,
        layout: { title: { text: "GC 指南图 " + r.graph + "：峰值 " + r.peakMem.toFixed(1) + " MiB，GC CPU " + r.gcCpuPercent.toFixed(1) + "%" },
          xaxis: { title: { text: "时间 (s)" } }, yaxis: { title: { text: "MiB" } } },
      };
    },
    "alloc class": function (r) {
      return {
        data: [{ type: "bar", x: ["请求 requested", "实际占用 per object", "浪费 waste"], y: [r.requestedSize, r.bytesPerObject, r.waste] }],
        layout: { title: { text: r.requestedSize + " B → " + r.path + (r.large ? "（大对象）" : "，size class " + r["class"] + "（" + r.size + " B）") },
          yaxis: { title: { text: "字节 bytes" } } },
      };
    },
    "sched simulate": function (r) {
      var names = r.goroutines.map(function (g) { return "G" + g.id + " " + g.name; });
      return {
        data: [
          { type: "bar", name: "运行 running", x: names, y: r.goroutines.map(function (g) { return g.runningTime / 1e6; }) },
          { type: "bar", name: "可运行等待 runnable", x: names, y: r.goroutines.map(function (g) { return g.runnableTime / 1e6; }) },
        ],
        layout: { barmode: "stack", title: { text: r.workload + "，GOMAXPROCS=" + r.gomaxprocs + "，" + r.go + "：结束于 " + (r.endTime / 1e6).toFixed(2) + " ms" },
          yaxis: { title: { text: "ms" } } },
      };
    },
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function argsOf(widget) {
    var args = widget.getAttribute("data-golab-live").trim().split(/\s+/);
    var positional = (widget.getAttribute("data-golab-positional") || "").split(/\s+/).filter(Boolean);
    positional.forEach(function (name) { args.push(widget.getAttribute("data-arg-" + name) || ""); });
    Array.prototype.forEach.call(widget.attributes, function (a) {
      if (a.name.indexOf("data-arg-") !== 0) return;
      var flag = a.name.substring(9);
      if (positional.indexOf(flag) >= 0) return;
      if (a.value === "true") args.push("--" + flag);
      else if (a.value !== "false") args.push("--" + flag, a.value);
    });
    args.push("--json");
    return args;
  }

  // One row of controls: one input per data-arg-* attribute; a change writes the attribute, which recomputes.
  function renderControls(widget, parts) {
    parts.controls.textContent = "";
    Array.prototype.forEach.call(widget.attributes, function (a) {
      if (a.name.indexOf("data-arg-") !== 0) return;
      var flag = a.name.substring(9);
      var label = el("label", "golab-live-control");
      label.appendChild(el("span", null, flag + " "));
      var input = el("input");
      input.name = flag;
      input.value = a.value;
      input.size = Math.max(6, a.value.length + 2);
      input.addEventListener("change", function () { widget.setAttribute(a.name, input.value); });
      label.appendChild(input);
      parts.controls.appendChild(label);
    });
  }

  function syncControls(widget, parts) {
    Array.prototype.forEach.call(parts.controls.querySelectorAll("input"), function (input) {
      var v = widget.getAttribute("data-arg-" + input.name);
      if (v !== null && input.value !== v) input.value = v;
    });
  }

  function parts(widget) {
    if (widget._golab) return widget._golab;
    widget.textContent = "";
    var p = {
      title: el("div", "golab-live-title", "▶ 实时模型 live: golab " + widget.getAttribute("data-golab-live")),
      controls: el("div", "golab-live-controls"),
      status: el("div", "golab-live-status"),
      chart: el("div", "golab-live-chart"),
    };
    widget.appendChild(p.title);
    widget.appendChild(p.controls);
    widget.appendChild(p.status);
    widget.appendChild(p.chart);
    widget._golab = p;
    return p;
  }

  function showError(widget, p, message) {
    widget.setAttribute("data-golab-state", "error");
    widget.removeAttribute("data-golab-result");
    p.status.className = "golab-live-status golab-live-error";
    p.status.textContent = message;
    if (window.Plotly) window.Plotly.purge(p.chart);
    p.chart.textContent = "";
  }

  var runtime = null;
  function golab() {
    if (!runtime) {
      runtime = import(base + "_framework/dotnet.js").then(function (m) {
        return m.dotnet.create();
      }).then(function (api) {
        // Start Main (it stays pending, never awaited): that sets the command line, where System.CommandLine reads
        // the program's name, and keeps the runtime up for every later call.
        api.runMain("GoRuntimeLab.Wasm", []);
        return api.getAssemblyExports("GoRuntimeLab.Wasm");
      }).then(function (exports) {
        // When the runtime was ready, in ms since navigation (the book's timing report reads it).
        document.documentElement.setAttribute("data-golab-runtime-ms", performance.now().toFixed(0));
        return exports.GoRuntimeLab.Wasm.GolabBrowser;
      });
    }
    return runtime;
  }

  function compute(widget) {
    var p = parts(widget);
    syncControls(widget, p);
    var args = argsOf(widget);
    var ticket = (widget._golabTicket || 0) + 1;
    widget._golabTicket = ticket;
    widget.setAttribute("data-golab-state", "computing");
    p.status.className = "golab-live-status";
    p.status.textContent = "计算中… golab " + args.join(" ");
    var started = performance.now();
    golab().then(function (api) { return api.Run(JSON.stringify(args)); }).then(function (text) {
      if (widget._golabTicket !== ticket) return;
      var run = JSON.parse(text);
      widget.setAttribute("data-golab-args", JSON.stringify(args));
      if (run.exitCode !== 0) { showError(widget, p, (run.stderr || "golab exited with " + run.exitCode).trim()); return; }
      var doc = JSON.parse(run.stdout);
      var chart = charts[widget.getAttribute("data-golab-live").trim()];
      if (chart && window.Plotly) {
        var fig = chart(doc);
        fig.layout.margin = { t: 50, r: 20, b: 50, l: 60 };
        fig.layout.height = 380;
        window.Plotly.react(p.chart, fig.data, fig.layout, { responsive: true, displaylogo: false });
      }
      var ms = performance.now() - started;
      widget.setAttribute("data-golab-ms", ms.toFixed(1));
      widget.setAttribute("data-golab-at", performance.now().toFixed(1));
      widget.setAttribute("data-golab-args", JSON.stringify(args));
      widget.setAttribute("data-golab-result", run.stdout);
      widget.setAttribute("data-golab-state", "done");
      p.status.className = "golab-live-status";
      p.status.textContent = "golab " + args.join(" ") + " — " + ms.toFixed(0) + " ms（在浏览器中运行同一个 golab）";
    }).catch(function (e) {
      if (widget._golabTicket !== ticket) return;
      widget.setAttribute("data-golab-args", JSON.stringify(args));
      showError(widget, p, "golab: " + (e && e.message ? e.message : String(e)));
    });
  }

  function attach(widget) {
    var p = parts(widget);
    renderControls(widget, p);
    new MutationObserver(function (changes) {
      var rerun = changes.some(function (c) {
        return c.attributeName === "data-golab-live" || c.attributeName === "data-golab-positional" || c.attributeName.indexOf("data-arg-") === 0;
      });
      if (!rerun) return;
      if (changes.some(function (c) { return c.oldValue === null || !widget.hasAttribute(c.attributeName); })) renderControls(widget, p);
      compute(widget);
    }).observe(widget, { attributes: true, attributeOldValue: true });
    compute(widget);
  }

  function start() {
    var widgets = document.querySelectorAll("[data-golab-live]");
    if (location.protocol === "file:") {
      Array.prototype.forEach.call(widgets, function (w) {
        w.setAttribute("data-golab-state", "needs-http");
        w.textContent = "";
        w.appendChild(el("div", "golab-live-status",
          "实时模型需要通过 http 访问（例如在书的目录里运行 python3 -m http.server）/ live widgets need the book to be served over http."));
      });
      return;
    }
    Array.prototype.forEach.call(widgets, attach);
  }

  // The script is loaded async ahead of plotly.min.js: the runtime downloads and compiles while the page parses.
  if (location.protocol !== "file:") golab().catch(function () { /* reported by each widget's compute */ });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
