-- wrk script for bench/portal-bench.sh: rotates through the paths in $PATHS_FILE and appends each
-- response's Server-Timing duration (ms) to $TIMINGS_FILE. Run with one thread (-t1) so one Lua
-- state writes the file; wrk's event loop still keeps all connections busy.
local paths = {}
local index = 0
local out

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  out = io.open(os.getenv("TIMINGS_FILE"), "a")
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Accept-Encoding"] = "br, gzip" })
end

function response(status, headers, body)
  local timing = headers["Server-Timing"] or headers["server-timing"]
  if timing then
    local dur = timing:match("dur=([%d%.]+)")
    if dur then out:write(status, " ", dur, "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("client_p50_ms %.1f\nclient_p95_ms %.1f\nclient_p99_ms %.1f\nrequests %d\nerrors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
