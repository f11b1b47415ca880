-- Run by run.sh after init.lua: waits for the server, shows the code lenses of the buffer as Neovim
-- resolved them, runs the lens on the first term heading (glossary.showReferences → quickfix), quits.
local function out(s) io.stdout:write(s .. '\n') end
local ok = vim.wait(60000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 200)
if not ok then out('no client attached'); vim.cmd('qa!') end
for _, c in pairs(vim.lsp.buf_get_clients(0)) do
  out('attached: ' .. c.name .. ', codeLensProvider.resolveProvider = ' .. tostring((c.server_capabilities.codeLensProvider or {}).resolveProvider))
end
-- The init.lua's autocommands ask for lenses on BufEnter (before the server was ready) and CursorHold;
-- a headless Neovim has no CursorHold, so ask once here, as the autocommand would.
local lenses = {}
vim.wait(30000, function() for _, c in pairs(vim.lsp.buf_get_clients(0)) do if c.initialized then return true end end return false end, 200)
vim.lsp.codelens.refresh()
vim.wait(30000, function()
  lenses = vim.lsp.codelens.get(0)
  if #lenses == 0 then return false end
  for _, l in ipairs(lenses) do if not l.command then return false end end
  return true
end, 200)
out('code lenses: ' .. #lenses)
for i, l in ipairs(lenses) do
  if i > 4 then break end
  local line = vim.api.nvim_buf_get_lines(0, l.range.start.line, l.range.start.line + 1, false)[1]
  out(string.format('%d: %s   [%s]', l.range.start.line + 1, l.command and l.command.title or '(unresolved)', line:sub(1, 40)))
end
vim.api.nvim_win_set_cursor(0, { lenses[1].range.start.line + 1, 3 })
vim.lsp.codelens.run()
vim.wait(5000, function() return #vim.fn.getqflist() > 0 end, 100)
local qf = vim.fn.getqflist()
out('quickfix after running the lens: ' .. #qf .. ' places; "' .. vim.fn.getqflist({ title = 1 }).title .. '"')
for i, item in ipairs(qf) do
  if i > 3 then break end
  out(string.format('  %s:%d:%d %s', vim.fn.bufname(item.bufnr), item.lnum, item.col, vim.fn.strcharpart(vim.trim(item.text), 0, 30)))
end
vim.cmd('qa!')
