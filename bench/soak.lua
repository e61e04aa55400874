-- wrk script for bench/soak.sh: mixed traffic over the "type path" lines of $PATHS_FILE (shuffled once,
-- each thread starting at its own place). Run with as many threads as connections (-tN -cN): each
-- thread then has exactly one connection, so its responses come back in the order of its requests
-- and the client latency of each request can be taken with a monotonic clock (LuaJIT FFI).
-- Every response appends "type status client_ms server_ms" to $TIMINGS_DIR/thread-N.txt.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
  int clock_gettime(int clk_id, soak_timespec *tp);
]]
local ts = ffi.new("soak_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

local types, paths = {}, {}
local index, sent_at, sent_type = 0, 0, nil
local out

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    local kind, path = line:match("^(%S+)%s+(%S+)$")
    if kind then
      types[#types + 1] = kind
      paths[#paths + 1] = path
    end
  end
  index = ((id or 1) - 1) * 7919 % #paths
  out = io.open(string.format("%s/thread-%d.txt", os.getenv("TIMINGS_DIR"), id or 1), "a")
  -- Line-buffered: wrk exits without closing the threads' Lua states, so nothing may stay in a buffer.
  out:setvbuf("line")
end

function request()
  index = index % #paths + 1
  sent_type = types[index]
  sent_at = now_ms()
  return wrk.format("GET", paths[index], { ["Accept-Encoding"] = "br, gzip" })
end

function response(status, headers, body)
  local client = now_ms() - sent_at
  local timing = headers["Server-Timing"] or headers["server-timing"]
  local server = timing and timing:match("dur=([%d%.]+)") or "-"
  out:write(sent_type, " ", status, " ", string.format("%.2f", client), " ", server, "\n")
end

function done(summary, latency, requests)
  io.write(string.format("client_p50_ms %.1f\nclient_p99_ms %.1f\nrequests %d\nconnect_errors %d\nread_errors %d\nwrite_errors %d\ntimeouts %d\nstatus_errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
