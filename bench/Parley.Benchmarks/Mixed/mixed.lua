-- The mixed load: wrk asks request() for every request, and each one picks its kind by weight.
-- Arguments after "--": the weights "fetch,count,new,like" in percent, a file of comment ids (one a line) to like,
-- then the thread uris. done() prints "mixed sent <kind> <n>" per wrk thread; SentRequests adds them up.
-- There is no response() on purpose: with one, wrk hands every answer's body to Lua, which for fetches of a
-- 300 kB thread cuts wrk's own rate to a third and would cap the fetches-alone figure. wrk counts non-2xx itself.

local threads = {}

-- Runs in the main state once per wrk thread, before init: numbers the threads so their addresses never collide.
function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  local weights = {}
  for w in string.gmatch(args[1], "%d+") do
    weights[#weights + 1] = tonumber(w)
  end
  fetch_below = weights[1]
  count_below = fetch_below + weights[2]
  new_below = count_below + weights[3]
  ids = {}
  for line in io.lines(args[2]) do
    ids[#ids + 1] = tonumber(line)
  end
  uris = {}
  for i = 3, #args do
    uris[#uris + 1] = args[i]
  end
  -- POST /count asks for all the threads at once, as a page listing them does (the uris hold no quotes).
  count_body = '["' .. table.concat(uris, '","') .. '"]'
  -- Same sequence every run, a different one per wrk thread.
  math.randomseed(number)
  sent = { fetch = 0, count = 0, new = 0, like = 0 }
  writes = 0
end

-- Each write comes from a /24 of its own (Parley keeps addresses to their /24): a like is never refused as a
-- second vote from one reader, and no reader writes a hundred comments.
local function next_address()
  writes = writes + 1
  return string.format("%d.%d.%d.1", 100 + number, math.floor(writes / 256) % 256, writes % 256)
end

function request()
  local pick = math.random(100)
  if pick <= fetch_below then
    sent.fetch = sent.fetch + 1
    return wrk.format("GET", "/?uri=" .. uris[math.random(#uris)])
  elseif pick <= count_below then
    sent.count = sent.count + 1
    return wrk.format("POST", "/count", { ["Content-Type"] = "application/json" }, count_body)
  elseif pick <= new_below then
    sent.new = sent.new + 1
    local address = next_address()
    -- Distinct bodies: a reader never posts the same text twice.
    local body = string.format(
      '{"text":"Mixed load comment %d of wrk thread %d: *agreed*, see [the notes](https://example.org/notes).","author":"Bench"}',
      writes, number)
    return wrk.format("POST", "/new?uri=" .. uris[math.random(#uris)],
      { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address }, body)
  else
    sent.like = sent.like + 1
    return wrk.format("POST", "/id/" .. ids[math.random(#ids)] .. "/like", { ["X-Forwarded-For"] = next_address() })
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for kind, n in pairs(thread:get("sent")) do
      io.write(string.format("mixed sent %s %d\n", kind, n))
    end
  end
end
