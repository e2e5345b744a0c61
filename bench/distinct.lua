-- wrk script: every request carries a query text no request before it had, by appending a comment line
-- ("\n#<run>-<thread>-<n>") to the last URL parameter, so no server can answer from a result cache. <run> is
-- the script's argument, new for each run: a later run on the same server must not repeat an earlier one's texts.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  run = args[1] or ""
  n = 0
end

function request()
  n = n + 1
  return wrk.format(nil, wrk.path .. "%0A%23" .. run .. "-" .. id .. "-" .. n)
end
