-- wrk script: POST deactivate, then activate, over a pool of ACTIVATED SIMs, so no two requests in
-- flight touch the same SIM (the pool is much larger than the connections).
local giccids = {}
local count = 0

function init(args)
  for line in io.lines(args[1]) do giccids[#giccids + 1] = line end
end

function request()
  local index = count % #giccids
  local sweep = math.floor(count / #giccids)
  count = count + 1
  local action = (sweep % 2 == 0) and "deactivate" or "activate"
  return wrk.format("POST", "/v1/global-sims/" .. giccids[index + 1] .. "/" .. action, {["X-API-Key"] = wrk.headers["X-API-Key"]})
end
