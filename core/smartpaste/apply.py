"""From a parsed chat message to the book: find the customer by phone, build customer and order inputs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from core.customers import CustomerService
from core.dto import CustomerDetail, CustomerInput, OrderInput, OrderItemInput, ProductDTO
from core.phones import is_masked_phone, normalize_phone
from core.smartpaste.parser import ParsedMessage

ADDRESS_FIELDS = ("province", "city", "district", "address_detail", "postcode")


def usable_phones(parsed: ParsedMessage) -> tuple[str, ...]:
    """The pasted phones that identify someone (masked ones do not)."""
    return tuple(phone for phone in parsed.phones if not is_masked_phone(phone) and normalize_phone(phone))


def find_customer(service: CustomerService, parsed: ParsedMessage) -> CustomerDetail | None:
    """The existing customer with one of the pasted phones (first phone first), or None."""
    for phone in usable_phones(parsed):
        rows = service.find_by_phone(phone)
        if rows:
            return service.get(rows[0].id)
    return None


def pasted_address(parsed: ParsedMessage) -> dict[str, Any]:
    """The pasted address as CustomerInput field values (empty strings for what the message lacks)."""
    return {"province": parsed.province or "", "city": parsed.city or "", "district": parsed.district or "",
            "address_detail": parsed.detail or "", "postcode": parsed.postcode or ""}


def address_differs(fields: CustomerInput, parsed: ParsedMessage) -> bool:
    """True when the message carries an address and it is not the one on file (postcode aside)."""
    pasted = pasted_address(parsed)
    if not pasted["address_detail"] and not pasted["district"]:
        return False
    return any(getattr(fields, name).strip() != pasted[name] for name in ADDRESS_FIELDS if name != "postcode")


def new_customer_input(parsed: ParsedMessage, source_channel: str = "") -> CustomerInput:
    """A new customer from the message: name, first usable phone (else the masked one), address."""
    phones = usable_phones(parsed) or parsed.phones
    return CustomerInput(name=parsed.name or "", phone=phones[0] if phones else "",
                         source_channel=source_channel, **pasted_address(parsed))


def updated_customer_input(fields: CustomerInput, parsed: ParsedMessage, update_address: bool) -> CustomerInput:
    """The customer's fields with the pasted address (when asked) and any blanks filled from the message."""
    changes: dict[str, Any] = {}
    if update_address:
        changes.update(pasted_address(parsed))
    if not fields.name.strip() and parsed.name:
        changes["name"] = parsed.name
    if not fields.phone.strip() and usable_phones(parsed):
        changes["phone"] = usable_phones(parsed)[0]
    return dataclasses.replace(fields, **changes)


def order_items(parsed: ParsedMessage, products: Sequence[ProductDTO]) -> tuple[OrderItemInput, ...]:
    """Order lines for the pasted items: the seller's product (with its price) where the name matches."""
    by_name = {product.name: product for product in products}
    lines = []
    for name, quantity in parsed.items:
        count = max(1, round(quantity))
        product = by_name.get(name)
        if product is None:
            lines.append(OrderItemInput(title=name, quantity=count))
        else:
            lines.append(OrderItemInput(product_id=product.id, title=product.name, quantity=count,
                                        unit_price_cents=product.price_cents))
    return tuple(lines)


def order_input(customer_id: int, parsed: ParsedMessage, products: Sequence[ProductDTO],
                created_at: dt.datetime) -> OrderInput:
    """A paid WeChat order for *customer_id* with the pasted items, amount and receiver."""
    name, phone, address = receiver_of(parsed)
    return OrderInput(customer_id=customer_id, created_at=created_at, platform="wechat", status="paid",
                      items=order_items(parsed, products), paid_cents=parsed.amount_cents,
                      receiver_name=name, receiver_phone=phone, receiver_address=address)


def receiver_of(parsed: ParsedMessage) -> tuple[str, str, str]:
    """(name, phone, address) the pasted order is sent to; empty strings for what the message lacks."""
    phones = usable_phones(parsed) or parsed.phones
    return parsed.name or "", phones[0] if phones else "", parsed.address or ""


def save_customer(service: CustomerService, parsed: ParsedMessage, matched: CustomerDetail | None,
                  update_address: bool, source_channel: str = "") -> CustomerDetail:
    """Create the customer, or update the matched one (address only when asked); returns the saved detail.

    Raises the service's ValidationError / ConflictError unchanged. A matched customer with nothing to
    change is returned as it is, without a write.
    """
    if matched is None:
        return service.create(new_customer_input(parsed, source_channel))
    data = updated_customer_input(matched.fields, parsed, update_address)
    if data == matched.fields:
        return matched
    return service.update(matched.id, data, matched.version)
