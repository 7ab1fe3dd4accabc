-- wrk script: PUT custom-field on a pool of SIMs, a new value each time.
local giccids = {}
local count = 0

function init(args)
  for line in io.lines(args[1]) do giccids[#giccids + 1] = line end
end

function request()
  local giccid = giccids[count % #giccids + 1]
  count = count + 1
  local body = '{"custom1": "bench-' .. count .. '"}'
  return wrk.format("PUT", "/v1/global-sims/" .. giccid .. "/custom-field",
    {["X-API-Key"] = wrk.headers["X-API-Key"], ["Content-Type"] = "application/json"}, body)
end
