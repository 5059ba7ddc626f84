"""``python -m bot.runtime``: what ``make run`` starts."""


from bot.runtime.stack import main

raise SystemExit(main())
