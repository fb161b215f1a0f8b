// Runs before each fuzz test file: the sandbox it talks to is the fuzz suite's.
process.env.SANDBOX_OUTPUTS_FILE = process.env.FUZZ_SANDBOX_OUTPUTS_FILE;
