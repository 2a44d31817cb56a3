"""Campaigns (DOMAIN.md §7): a segment + a message + a date (+ an optional coupon), its send queue,
marking touches sent (a marketing contact in contact_log) and opt-outs (do-not-disturb).

`build_queue` freezes the audience: one campaign_member row per reachable customer with the filled
message (exclusions of core.marketing.segments applied). Statuses: queued → sent | skipped | opted_out.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.book.models import Campaign, CampaignMember, ContactLog, Customer, Order, OrderItem, Product
from core.errors import NotFound, ValidationError
from core.marketing import segments
from core.marketing.loyalty import CouponSpec, coupon_text, issue_from_spec
from core.phones import can_receive_sms
from core.settings import get_setting
from core.templates import render

MEMBER_STATUSES = ("queued", "sent", "skipped", "opted_out")


@dataclass(frozen=True)
class CampaignDTO:
    id: int
    version: int
    name: str
    segment: dict
    body: str
    scheduled_on: dt.date | None
    coupon: CouponSpec | None
    response_window_days: int
    status: str
    members: int
    sent: int


@dataclass(frozen=True)
class QueueRow:
    customer_id: int
    name: str
    phone: str
    message: str
    status: str
    sent_at: dt.datetime | None
    sms_ok: bool  # the phone can receive SMS (mainland mobile, not masked)


def _coupon_of(row: Campaign) -> CouponSpec | None:
    return CouponSpec(**json.loads(row.coupon_spec_json)) if row.coupon_spec_json else None


def _dto(session: Session, row: Campaign) -> CampaignDTO:
    members, sent = session.execute(select(
        func.count(), func.count(CampaignMember.sent_at)
    ).where(CampaignMember.campaign_id == row.id)).one()
    return CampaignDTO(row.id, row.version, row.name, json.loads(row.segment_json or "{}"), row.body,
                       row.scheduled_on, _coupon_of(row), row.response_window_days, row.status,
                       int(members), int(sent))


def create_campaign(session: Session, name: str, segment: dict, body: str, scheduled_on: dt.date, *,
                    coupon: CouponSpec | None = None, response_window_days: int | None = None) -> int:
    """A draft campaign; ValidationError for an empty name or message, or a bad segment definition."""
    if not name.strip():
        raise ValidationError("campaign_name_empty", field="name", value=name)
    if not body.strip():
        raise ValidationError("campaign_body_empty", field="body", value=body)
    window = response_window_days or int(get_setting(session, "marketing.response_window_days"))
    if window < 1:
        raise ValidationError("campaign_window_invalid", field="response_window_days", value=window)
    row = Campaign(name=name.strip(), segment_json=json.dumps(segments.validate_definition(segment), ensure_ascii=False),
                   body=body, scheduled_on=scheduled_on, response_window_days=window, status="draft",
                   coupon_spec_json=json.dumps(coupon.to_dict()) if coupon else "")
    session.add(row)
    session.flush()
    return row.id


def _load(session: Session, campaign_id: int) -> Campaign:
    row = session.get(Campaign, campaign_id)
    if row is None:
        raise NotFound("campaign_not_found", entity="campaign", id=campaign_id)
    return row


def get_campaign(session: Session, campaign_id: int) -> CampaignDTO:
    return _dto(session, _load(session, campaign_id))


def list_campaigns(session: Session) -> list[CampaignDTO]:
    rows = session.scalars(select(Campaign).order_by(Campaign.scheduled_on.desc(), Campaign.id.desc())).all()
    return [_dto(session, row) for row in rows]


def favourite_products(session: Session, customer_ids) -> dict[int, str]:
    """Customer id → the product (or item title) they bought on most purchase orders."""
    label = func.coalesce(Product.name, OrderItem.title)
    rows = session.execute(
        select(Order.customer_id, label, func.count()).join(OrderItem, OrderItem.order_id == Order.id)
        .outerjoin(Product, Product.id == OrderItem.product_id)
        .where(Order.customer_id.in_(list(customer_ids)), Order.is_purchase.is_(True))
        .group_by(Order.customer_id, label).order_by(Order.customer_id, func.count().desc(), label)).all()
    favourite: dict[int, str] = {}
    for customer_id, name, _n in rows:
        favourite.setdefault(customer_id, name)
    return favourite


def build_queue(session: Session, campaign_id: int, today: dt.date, now: dt.datetime,
                language: str = "zh_CN") -> int:
    """Fill the send queue (once: a campaign with members is left as it is); issues the campaign coupon
    to each member. Returns the number of members queued."""
    row = _load(session, campaign_id)
    if session.scalar(select(func.count()).where(CampaignMember.campaign_id == campaign_id)):
        return 0
    ids = segments.customer_ids(session, json.loads(row.segment_json or "{}"), today)
    spec = _coupon_of(row)
    shop = get_setting(session, "shop_name") or ""
    favourite = favourite_products(session, ids) if ids else {}
    shown_name = func.coalesce(func.nullif(Customer.name, ""), Customer.real_name)
    names: dict[int, str] = dict(session.execute(select(Customer.id, shown_name)
                                 .where(Customer.id.in_(ids))).all()) if ids else {}
    date_text = (row.scheduled_on or today).isoformat()
    for cid in ids:
        values = {"name": names.get(cid, ""), "product": favourite.get(cid, ""), "shop": shop,
                  "date": date_text, "days": str(row.response_window_days)}
        if spec is not None:
            issue_from_spec(session, cid, spec, now, source="campaign", campaign_id=campaign_id)
            values["coupon"] = coupon_text(spec.kind, spec.value_cents, spec.threshold_cents,
                                           spec.discount_percent, language)
            values["date"] = (now.date() + dt.timedelta(days=spec.valid_days)).isoformat()
        session.add(CampaignMember(campaign_id=campaign_id, customer_id=cid,
                                   message=render(row.body, values, language).text, status="queued"))
    row.status = "running"
    session.flush()
    return len(ids)


def queue(session: Session, campaign_id: int) -> list[QueueRow]:
    """The send queue: queued rows first, then by name."""
    _load(session, campaign_id)
    rows = session.execute(
        select(CampaignMember.customer_id, Customer.name, Customer.phone, Customer.phone_norm,
               CampaignMember.message, CampaignMember.status, CampaignMember.sent_at)
        .join(Customer, Customer.id == CampaignMember.customer_id)
        .where(CampaignMember.campaign_id == campaign_id)
        .order_by((CampaignMember.status != "queued"), Customer.name_initials, Customer.id)).all()
    return [QueueRow(cid, name, phone, message, status, sent_at, can_receive_sms(norm))
            for cid, name, phone, norm, message, status, sent_at in rows]


def _member(session: Session, campaign_id: int, customer_id: int) -> CampaignMember:
    member = session.get(CampaignMember, (campaign_id, customer_id))
    if member is None:
        raise NotFound("campaign_member_not_found", entity="campaign_member", id=customer_id)
    return member


def mark_sent(session: Session, campaign_id: int, customer_ids, now: dt.datetime, channel: str = "wechat") -> int:
    """Mark queued members sent: each gets a marketing touch in contact_log. Returns how many changed."""
    changed = 0
    for cid in customer_ids:
        member = _member(session, campaign_id, cid)
        if member.status != "queued":
            continue
        member.status, member.sent_at, member.channel = "sent", now, channel
        session.add(ContactLog(customer_id=cid, at=now, channel=channel, purpose="marketing", is_marketing=True,
                               campaign_id=campaign_id, result="contacted", message=member.message))
        changed += 1
    session.flush()
    return changed


def skip(session: Session, campaign_id: int, customer_id: int) -> None:
    member = _member(session, campaign_id, customer_id)
    if member.status == "queued":
        member.status = "skipped"


def opt_out(session: Session, campaign_id: int | None, customer_id: int, now: dt.datetime) -> None:
    """The customer replied 退订/TD: do-not-disturb from now on, noted in the contact log."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound("customer_not_found", entity="customer", id=customer_id)
    customer.do_not_disturb = True
    if campaign_id is not None:
        member = session.get(CampaignMember, (campaign_id, customer_id))
        if member is not None:
            member.status = "opted_out"
    session.add(ContactLog(customer_id=customer_id, at=now, channel="sms", purpose="marketing", is_marketing=False,
                           campaign_id=campaign_id, result="opted_out"))
    session.flush()


def finish(session: Session, campaign_id: int) -> None:
    _load(session, campaign_id).status = "finished"


def delete_campaign(session: Session, campaign_id: int) -> None:
    """Delete a campaign that has sent nothing (touches are history and stay)."""
    row = _load(session, campaign_id)
    if session.scalar(select(func.count()).where(CampaignMember.campaign_id == campaign_id,
                                                 CampaignMember.sent_at.is_not(None))):
        raise ValidationError("campaign_has_touches", field="campaign", value=campaign_id)
    session.delete(row)
