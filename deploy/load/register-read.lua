-- wrk script for register-read.sh: each request picks a random line of $BENCH_SAMPLE ("<asset id> <cursor>")
-- and asks either for that asset by id ($BENCH_MODE=by-id) or for the filtered list page that starts after
-- that asset ($BENCH_MODE=list: $BENCH_LIST?...&cursor=<cursor>); $BENCH_MODE=first-page asks for the first
-- page of $BENCH_LIST. Authorization comes from $BENCH_TOKEN. $BENCH_MODE=console and console-first-page ask
-- for the console's page of the same list ($BENCH_PAGE, HTML) with the session cookie $BENCH_COOKIE.
local mode = os.getenv("BENCH_MODE") or "by-id"
local list = os.getenv("BENCH_LIST") or "/api/v1/assets?category=laptop&status=in_use&limit=50"
local token = os.getenv("BENCH_TOKEN")
local page = os.getenv("BENCH_PAGE") or ""
local console = mode:sub(1, 7) == "console"
local ids, cursors = {}, {}

for line in io.lines(os.getenv("BENCH_SAMPLE")) do
  local id, cursor = line:match("^(%S+)%s+(%S+)$")
  if id then
    ids[#ids + 1] = id
    cursors[#cursors + 1] = cursor
  end
end

if console then
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
  wrk.headers["Accept"] = "text/html"
else
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))
end

function request()
  local i = math.random(#ids)
  if mode == "by-id" then
    return wrk.format("GET", "/api/v1/assets/" .. ids[i])
  elseif mode == "list" then
    return wrk.format("GET", list .. "&cursor=" .. cursors[i])
  elseif mode == "console" then
    return wrk.format("GET", page .. "&cursor=" .. cursors[i])
  elseif mode == "console-first-page" then
    return wrk.format("GET", page)
  else
    return wrk.format("GET", list)
  end
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("HTTP " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end
