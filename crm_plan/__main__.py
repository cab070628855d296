from crm_plan.cli import main

main()
