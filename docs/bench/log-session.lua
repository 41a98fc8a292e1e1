-- wrk -s docs/bench/log-session.lua: POST /api/v1/sessions, each request a new session of one of 200 patients
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
local run = tostring(os.time())
request = function()
  n = n + 1
  local body = string.format('{"sessionId":"bench-%s-%s-%d","clinicId":"clinic-bench","patientId":"bench-%d","completedAt":"2026-11-20T07:31:00Z","painBefore":5,"painAfter":4}',
    run, tostring(tid), n, n % 200)
  return wrk.format("POST", "/api/v1/sessions", {["Content-Type"] = "application/json"}, body)
end
