// How many worker threads a run uses.
#pragma once

namespace sim {

// `requested`, or every hardware thread when it is 0.
unsigned resolve_threads(unsigned requested);

}  // namespace sim
