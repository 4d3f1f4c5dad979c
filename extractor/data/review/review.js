// The review page's side panel: a click on a highlight lists what it and every highlight around it mark,
// read from the page's JSON. Values are set with textContent only, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var body = document.getElementById("panel-body");
  var PART = { e: "entities", d: "documents", f: "facts" };
  var NAME = { per: "person", org: "organization", loc: "place", document: "document",
               evidence: "fact (evidence)", number: "fact (number)" };

  function element(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function shown(value) {
    if (value === null) { return "null"; }
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  function itemBlock(mark, ref, item) {
    var block = element("div", undefined, "item");
    block.dataset.ref = ref;
    block.dataset.kind = mark.dataset.kind;
    var label = item.label || item.metric || item.type || "";
    block.appendChild(element("h3", NAME[mark.dataset.kind] + (label ? ": " + label : "")));
    var span = mark.dataset.span || mark.dataset.start + "-" + mark.dataset.end;
    block.appendChild(element("p", "“" + mark.textContent + "” [" + span.replace("-", ", ") + ")", "surface"));
    var table = element("table");
    Object.keys(item).sort().forEach(function (key) {
      var row = element("tr");
      row.dataset.field = key;
      row.appendChild(element("th", key));
      row.appendChild(element("td", shown(item[key])));
      table.appendChild(row);
    });
    block.appendChild(table);
    return block;
  }

  function show(mark) {
    var article = data[Number(mark.closest(".article").dataset.article)];
    var seen = {};
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    mark.classList.add("selected");
    body.replaceChildren();
    for (var m = mark; m; m = m.parentElement.closest("mark.hl")) {
      m.dataset.refs.split(" ").forEach(function (ref) {
        if (!ref || seen[ref]) { return; }
        seen[ref] = true;
        body.appendChild(itemBlock(m, ref, article[PART[ref[0]]][Number(ref.slice(1))]));
      });
    }
  }

  document.addEventListener("click", function (event) {
    var mark = event.target.closest(".article mark.hl");
    if (mark) { show(mark); return; }
    var row = event.target.closest("table.facts tr[data-ref]");
    if (!row) { return; }
    var section = row.closest(".article");
    var ref = row.dataset.ref;
    var target = section.querySelector('mark.k-number[data-refs~="' + ref + '"]') ||
                 section.querySelector('mark.k-evidence[data-refs~="' + ref + '"]');
    if (target) { target.scrollIntoView({ block: "center" }); show(target); }
  });
}());
