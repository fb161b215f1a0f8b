// Runs before each api test file: the sandbox it talks to is the api suite's.
process.env.SANDBOX_OUTPUTS_FILE = process.env.API_SANDBOX_OUTPUTS_FILE;
