// The query page: YASGUI served from this server, completing from this graph's own vocabulary.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("newskg-config").textContent);
  const examples = JSON.parse(document.getElementById("newskg-examples").textContent);
  const Yasqe = Yasgui.Yasqe;

  let vocabulary = null;
  function terms(kind) {
    vocabulary = vocabulary || fetch(config.vocabulary).then((r) => r.json());
    return vocabulary.then((v) => v[kind]);
  }
  // Replace the default class/property completers, which ask an outside service (LOV).
  Yasqe.forkAutocompleter("class", { name: "newskg-classes", bulk: true, get: () => terms("classes") }, false);
  Yasqe.forkAutocompleter("property", { name: "newskg-properties", bulk: true, get: () => terms("properties") }, false);
  Yasqe.defaults.autocompleters = ["prefixes", "variables", "newskg-classes", "newskg-properties"];

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: config.endpoint }] },
    persistenceId: null,
    yasqe: { autocompleters: ["prefixes", "variables", "newskg-classes", "newskg-properties"] },
  });
  const first = yasgui.getTab();
  examples.forEach((example, index) => {
    if (index === 0) {
      first.setName(example.name);
      first.setQuery(example.query);
      return;
    }
    yasgui.addTab(false, {
      id: "example-" + index,
      name: example.name,
      yasqe: { value: example.query },
      requestConfig: { endpoint: config.endpoint },
    });
  });
  yasgui.selectTabId(first.getId());
  window.newskgYasgui = yasgui;
})();
