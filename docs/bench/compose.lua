-- wrk -s docs/bench/compose.lua: POST /api/v1/routines for 50 patients, mixed times of day and budgets
local n = 0
request = function()
  n = n + 1
  local times = {"MORNING", "EVENING", "ANY"}
  local body = string.format('{"patientId":"bench-%d","clinicId":"clinic-bench","minutes":%d,"timeOfDay":"%s","focusRegions":["LOWER_BACK","HIPS"],"stage":"DEEPER"}',
    n % 50, 5 + (n % 41), times[(n % 3) + 1])
  return wrk.format("POST", "/api/v1/routines", {["Content-Type"] = "application/json"}, body)
end
