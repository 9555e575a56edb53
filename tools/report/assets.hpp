// The charting libraries report.html inlines (Vega, Vega-Lite, vega-embed), compiled into omnisim
// from node_modules by tools/report/assets_embed.cpp, so a report opens without network access.
#pragma once

#include <string>
#include <vector>

namespace omnisim {

struct EmbeddedScript {
  std::string name;     // the npm package: "vega", "vega-lite", "vega-embed"
  std::string version;  // as package-lock.json pinned it
  std::string source;   // its minified build, checked to hold no "</script", "<script" or "<!--"
};

// In the order the page must load them (each needs the ones before it).
const std::vector<EmbeddedScript>& embedded_scripts();

}  // namespace omnisim
