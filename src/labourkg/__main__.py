from labourkg.cli import main

main()
