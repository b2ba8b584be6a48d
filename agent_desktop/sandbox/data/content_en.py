"""English text templates, mirroring :mod:`content_fr` name for name.

Used for the English-speaking customers (expats, tourists, UK business clients) and the
English half of the KB.
"""

from __future__ import annotations

LANG = "en"

OUTCOMES: tuple[str, ...] = (
    "Request resolved",
    "Information given",
    "Claim opened",
    "Callback planned",
    "Passed to back office",
    "Waiting for documents",
    "Card blocked",
    "Appointment set",
)

SUMMARIES: dict[str, tuple[str, ...]] = {
    "voice": (
        "Call: {label}, {outcome_l}.",
        "Customer called about “{label}”; {outcome_l}.",
        "Inbound call — {label}. Customer {mood}.",
    ),
    "email": ("Email: {label}.", "Email received about “{label}”.", "Email reply sent: {label}."),
    "chat": ("Chat: {label}.", "Chat conversation — {label}, {outcome_l}."),
    "sms": ("SMS: {label}.", "SMS sent to the customer: {label}."),
    "social": ("Direct message on social media: {label}.",),
    "callback": ("Callback planned: {label}.", "Callback done — {label}."),
    "letter": ("Scanned letter: {label}.", "Registered letter received: {label}."),
    "web": ("Request from the customer area: {label}.", "Web form: {label}."),
}

MOODS: tuple[str, ...] = ("calm", "annoyed", "in a hurry", "worried", "satisfied", "unhappy")

VOICE_NOTES = (
    "Call from {first_name} {last_name} about: {label}.\n"
    "Identity checked (date of birth and postcode).\n"
    "Customer says: “{opening}”\n"
    "Checks made on {product}. {detail}\n"
    "Result: {outcome}. Case reference {ref}.\n"
    "Customer {mood} at the end of the call."
)

DETAILS: tuple[str, ...] = (
    "Transaction of €{amount} on {date} found in the history.",
    "No anomaly visible in the system, ticket passed to the team concerned.",
    "The customer received a confirmation SMS during the call.",
    "A goodwill gesture of €{amount} was offered and accepted.",
    "Processing time given: 48 working hours.",
    "The customer must upload a document from the customer area.",
)

EMAIL_BODY = (
    "Subject: {label}\n\n"
    "Hello,\n\n"
    "{opening}\n"
    "Could you get back to me quickly? My case number is {ref}.\n\n"
    "Kind regards,\n{first_name} {last_name}\n\n"
    "--- Reply from {agent} ---\n"
    "Dear {first_name} {last_name},\n\n"
    "Thank you for your message. {detail}\n"
    "Do not hesitate to contact us again.\n\n"
    "Best regards,\n{agent}, customer service"
)

CHAT_BODY = (
    "[{time1}] {first_name}: {opening}\n"
    "[{time1}] {agent}: Hello {first_name}, I'm looking at your file right now.\n"
    "[{time2}] {agent}: {detail}\n"
    "[{time2}] {first_name}: OK, thank you very much.\n"
    "[{time3}] {agent}: You're welcome, have a nice day!"
)

SMS_BODY = (
    "Hello {first_name}, about your request ({label}): {detail} Ref. {ref}. Customer service."
)

SOCIAL_BODY = (
    "@{handle}: {opening}\n"
    "Customer service: Hello {first_name}, could you send us a private message with your "
    "reference? We'll look into it.\n"
    "@{handle}: Done, thanks."
)

CALLBACK_BODY = (
    "Callback requested on {date} for: {label}.\n"
    "Preferred slot: {slot}.\n"
    "Callback made by {agent}. {detail}\nResult: {outcome}."
)

LETTER_BODY = (
    "{first_name} {last_name}\n{street}\n{postcode} {city}\n\n"
    "Re: {label}\n\nDear Sir or Madam,\n\n"
    "I am writing to report the following problem: {opening_lower}\n"
    "Please deal with my request as soon as possible (reference {ref}).\n\n"
    "Yours faithfully,\n\n{first_name} {last_name}\n\n[Letter scanned on {date} — 1 page]"
)

WEB_BODY = (
    "Customer area form “New request”\n"
    "Reason: {label}\nProduct: {product}\nMessage: {opening}\n"
    "Handling: {detail}"
)

SLOTS: tuple[str, ...] = ("9am – 12pm", "12pm – 2pm", "2pm – 5pm", "5pm – 7pm")

# ---------------------------------------------------------------- KB

KB_INTRO = (
    "This article explains how to handle a “{label}” request. "
    "It applies to personal, business and premium customers."
)

KB_STEPS: dict[str, tuple[str, ...]] = {
    "card": (
        "Identify the customer (date of birth, postcode) and the card concerned.",
        "Check the card status in the Cards tool: active, blocked, expired.",
        "If the card is lost, stolen or compromised: block it at once.",
        "Offer to order a new card (5 to 7 working days, express delivery available).",
        "Remind the customer that the PIN is kept unless the card was compromised.",
    ),
    "payment": (
        "Find the transaction (date, amount, merchant) in the payment history.",
        "Tell pending, charged, reverted and refunded transactions apart.",
        "For an unrecognised transaction: open a dispute and block the card if needed.",
        "For fees: check the price list of the customer's product.",
        "Give the processing time (up to 10 working days for a dispute).",
    ),
    "cash": (
        "Find the withdrawal (cash machine, date, time, amount).",
        "Check whether the cash machine belongs to our network (free withdrawal).",
        "If the amount is wrong or the card was swallowed: open a cash machine claim.",
        "Offer a replacement card if the card is not returned within 48 hours.",
    ),
    "transfer": (
        "Find the transfer (payee, IBAN, amount, execution date).",
        "A SEPA transfer is credited in 1 working day; an instant transfer in 10 seconds.",
        "An executed transfer cannot be cancelled; offer a recall request.",
        "Check limits and whether the payee was added recently (72-hour security delay).",
    ),
    "topup": (
        "Check how the customer topped up (card, transfer, cash, cheque).",
        "Check the top-up limits and any fees.",
        "A pending top-up is processed within 24 hours; after that, open a ticket.",
        "A reverted top-up goes back to the original payment method.",
    ),
    "account": (
        "Identify the customer and the account concerned.",
        "Explain the product conditions (fees, countries, currencies, minimum age).",
        "To change personal details: ask for a proof less than three months old.",
        "To close an account: check there is no pending transaction and no overdraft.",
    ),
    "identity": (
        "Explain the regulatory know-your-customer (KYC) obligation.",
        "List accepted documents: ID card, passport, residence permit.",
        "If online verification fails: offer a branch appointment.",
        "Never ask for a full password or code on the phone.",
    ),
    "energy": (
        "Identify the customer, the supply point and the contract.",
        "Look at the latest smart meter readings and bills.",
        "Offer a payment plan if the bill is over €150 or the customer struggles.",
        "If there is a gas smell: evacuate and call the gas emergency number.",
        "Confirm any change of contract or monthly payment by email.",
    ),
    "telecom": (
        "Identify the line and the equipment (router, TV box, SIM card).",
        "Run a remote line test from the Network tool.",
        "Have the customer restart the router (unplug for 30 seconds) first.",
        "If the fault persists: book a technician visit.",
        "For a cancellation: remind the 14-day cooling-off period.",
    ),
}

KB_BODY = (
    "# {label}\n\n{intro}\n\n## What the customer says\n\n> {opening}\n\n"
    "## Procedure\n\n{steps}\n\n## What to tell the customer\n\n{script}\n\n"
    "## Good to know\n\n- Keywords: {keywords}\n- Reviewed by the Quality team.\n"
)

KB_SCRIPT = (
    "“I understand — {label_lower}: I'm dealing with it now and I'll confirm each step by SMS.”"
)

KB_QUESTION_VARIANTS: tuple[str, ...] = (
    "How do I handle: {label_lower}?",
    "What to do about {label_lower}?",
)

KB_TOPICS: tuple[str, ...] = ("Fees", "Processing times", "Premium customers")

# ---------------------------------------------------------------- transcripts

AGENT_GREETING = "Hello, this is {agent} from customer service, how can I help you?"

TRANSCRIPT_FLOW: dict[str, tuple[tuple[str, str], ...]] = {
    "card": (
        ("agent", "First I need to check your identity: your date of birth, please?"),
        ("customer", "The 12th of March 1978."),
        ("agent", "Thank you. I can see your Visa Premier card ending in 4821."),
        ("customer", "Yes, that's the one. Can you block it?"),
        ("agent", "Done, the card is blocked. I'm ordering a new one for you."),
        ("customer", "When will I get it?"),
        ("agent", "Within five to seven working days at your usual address."),
        ("customer", "Perfect, thank you."),
    ),
    "payment": (
        ("agent", "Can you give me the date and amount of the transaction?"),
        ("customer", "Tuesday, 89 euros 90, on a website I don't know."),
        ("agent", "I can see it. It's still pending at the merchant."),
        ("customer", "I never made that purchase, I want to dispute it."),
        ("agent", "I'm opening the dispute and blocking the card as a precaution."),
        ("customer", "Will I get my money back?"),
        ("agent", "Yes, within ten working days at the latest."),
    ),
    "cash": (
        ("agent", "Which cash machine was it, and at what time?"),
        ("customer", "The one on the town hall square, around 6pm."),
        ("agent", "I can see the withdrawal. I'm opening a claim with the machine's operator."),
        ("customer", "How long will it take?"),
        ("agent", "About ten days; you'll get an SMS at each step."),
    ),
    "transfer": (
        ("agent", "What was the amount and the payee's name?"),
        ("customer", "750 euros, to my landlord, Mr Smith."),
        ("agent", "The transfer left yesterday, it will be credited tomorrow morning."),
        ("customer", "Can't it go faster?"),
        ("agent", "Next time, an instant transfer arrives in ten seconds."),
    ),
    "topup": (
        ("agent", "Which payment method did you use to top up?"),
        ("customer", "A card from another bank."),
        ("agent", "The top-up is being checked, it will be available within 24 hours."),
        ("customer", "No fees?"),
        ("agent", "No fees up to 1,000 euros a month."),
    ),
    "account": (
        ("agent", "Let me look at your account. You are the account holder?"),
        ("customer", "Yes, it's my personal account."),
        ("agent", "Very well. I'm sending you the steps by email."),
        ("customer", "Will you need a document?"),
        ("agent", "Yes, a proof of address less than three months old."),
    ),
    "identity": (
        ("agent", "It's a regulatory obligation, let me explain."),
        ("customer", "I've already sent my ID twice."),
        ("agent", "The photo was blurred. You can also use your passport."),
        ("customer", "And if it still doesn't work?"),
        ("agent", "I can book you an appointment in a branch."),
    ),
    "energy": (
        ("agent", "Can you give me your supply point number or your address?"),
        ("customer", "12 rue des Lilas in Nantes."),
        ("agent", "I can see your electricity contract with the off-peak option."),
        ("customer", "The last bill is huge, 312 euros."),
        (
            "agent",
            "It's an adjustment after a smart meter reading. I can spread it over three months.",
        ),
        ("customer", "Yes, that would help."),
    ),
    "telecom": (
        ("agent", "I'm running a test on your line, one moment."),
        ("customer", "The router has been blinking red since yesterday."),
        ("agent", "I can see a fault on the fibre line. Could you restart the router?"),
        ("customer", "Done, still red."),
        ("agent", "I'm booking a technician for Thursday morning, is that OK?"),
        ("customer", "Yes, Thursday is fine."),
    ),
}

AGENT_CLOSING = "Is there anything else I can do for you?"
CUSTOMER_CLOSING = "No, that's all, thank you. Goodbye!"
