import RBankCLI

await RBank.start()
