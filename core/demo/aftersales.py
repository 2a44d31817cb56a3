"""Demo after-sales and marketing rows: complaints, mid/bad reviews, contact log, coupons, points.

`AfterSales.on_order` sees every written order in time order and now and then adds what would follow
it in a real shop; `finish` adds the coupons that were issued but not (yet) used. Rows are tuples in
the column order of the `*_COLUMNS` constants, ready for bulk insert.
"""

from __future__ import annotations

import datetime as dt
import random

from core.book.models import PURCHASE_STATUSES
from core.demo import data
from core.demo.orders import Placed, ts
from core.demo.people import Person, Picker

COMPLAINT_COLUMNS = (
    "id", "customer_id", "order_id", "kind", "channel", "description", "status", "opened_at",
    "first_response_at", "resolved_at", "closed_at", "compensation_type", "compensation_cents",
    "compensation_points", "compensated_at", "resolution", "created_at", "updated_at",
)
STEP_COLUMNS = ("complaint_id", "step", "done_at", "note")
REVIEW_COLUMNS = (
    "id", "customer_id", "order_id", "platform", "level", "review_date", "text", "reason", "offer_type",
    "offer_cents", "outcome", "outcome_at", "change_deadline", "status", "sign_new_account",
    "sign_refuses_platform_chat", "sign_targets_new_shop", "sign_cheap_fragile", "sign_remote_address",
    "evidence_note", "created_at", "updated_at",
)
CONTACT_COLUMNS = (
    "customer_id", "at", "channel", "purpose", "is_marketing", "complaint_id", "bad_review_id", "result",
    "message", "note",
)
COUPON_COLUMNS = (
    "customer_id", "kind", "value_cents", "threshold_cents", "discount_percent", "issued_at", "expires_on",
    "used_at", "used_order_id", "source", "complaint_id", "note",
)
POINTS_COLUMNS = ("customer_id", "at", "delta", "reason", "order_id", "complaint_id", "note")

COMPLAINT_KIND = Picker((("quality", 14), ("damaged", 20), ("slow_shipping", 14), ("logistics", 12),
                         ("description_mismatch", 8), ("suspected_fake", 5), ("price_dispute", 7),
                         ("colour_difference", 3), ("attitude", 6), ("promise_not_honoured", 6), ("other", 5)))
COMPENSATION = Picker((("partial_refund", 30), ("exchange", 20), ("coupon", 20), ("gift", 15), ("refund", 8),
                       ("points", 7)))
REVIEW_OUTCOME = Picker((("revised", 45), ("removed", 10), ("unchanged", 35), ("unreachable", 10)))
REVIEW_PLATFORMS = frozenset({"taobao", "tmall", "pinduoduo", "douyin", "youzan"})
CARE_MESSAGES = ("到货了吗？有问题随时找我哦", "快用完了吧？需要的话给您留一份新鲜的", "最近用着还习惯吗？")


class AfterSales:
    """Collects the after-sales and marketing rows that follow the orders."""

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.complaints: list[tuple] = []
        self.steps: list[tuple] = []
        self.reviews: list[tuple] = []
        self.contacts: list[tuple] = []
        self.coupons: list[tuple] = []
        self.points: list[tuple] = []
        self._points_balance: dict[int, int] = {}
        self._recent: list[Placed] = []  # delivered in the last three weeks: today's after-sales work comes from these

    def on_order(self, o: Placed) -> None:
        rng, p = self.rng, o.person
        if o.coupon_cents:
            self._used_coupon(o)
        if o.status not in PURCHASE_STATUSES and o.status != "refunded":
            return
        if p.member and o.status in ("completed", "partial_refund"):
            self._add_points(p, o.done_at, o.paid_cents // 100, "spend", o.id)
        if o.delivered_at is not None and rng.random() < 0.05:
            self.contacts.append((p.id, ts(o.delivered_at + dt.timedelta(hours=rng.randint(2, 30))), "wechat",
                                  "care", 0, None, None, "contacted", CARE_MESSAGES[0], ""))
        if o.repeat and not p.do_not_disturb and rng.random() < 0.06:
            asked = o.created - dt.timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 8))
            self.contacts.append((p.id, ts(asked), "wechat", "marketing", 1, None, None, "bought",
                                  CARE_MESSAGES[1], ""))
        if o.delivered_at is not None and 2 <= (self.today - o.delivered_at.date()).days <= 21:
            self._recent.append(o)
        problem = o.status in ("refunded", "partial_refund")
        if rng.random() < (0.12 if problem else 0.003):
            self._complaint(o)
        if (o.platform in REVIEW_PLATFORMS and o.delivered_at is not None
                and rng.random() < (0.5 if p.risk_buyer else 0.004)):
            self._review(o)

    # -- complaints --------------------------------------------------------------------------------
    def _complaint(self, o: Placed) -> None:
        rng, p = self.rng, o.person
        cid = len(self.complaints) + 1
        kind = COMPLAINT_KIND(rng)
        base = o.delivered_at or o.paid_at or o.created
        opened = base + dt.timedelta(hours=rng.randint(1, 72))
        if opened.date() > self.today:
            return
        recent = (self.today - opened.date()).days <= 10
        steps_done = rng.randint(0, 3) if recent else (5 if rng.random() < 0.85 else 4)
        step_times = []
        moment = opened
        for step in range(1, steps_done + 1):
            moment = moment + dt.timedelta(hours=rng.uniform(0.3, 20) if step < 5 else rng.uniform(72, 160))
            step_times.append(moment)
            self.steps.append((cid, step, ts(moment), data.COMPLAINT_STEP_NOTES[step - 1]))
        first_response = step_times[0] if step_times else None
        comp_type, comp_cents, comp_points, comp_at = "", 0, 0, None
        if steps_done >= 4:
            comp_type, comp_at = COMPENSATION(rng), step_times[3]
            if comp_type == "points":
                comp_points = rng.choice((200, 500, 1000))
                self._add_points(p, comp_at, comp_points, "compensation", o.id, cid)
            elif comp_type in ("refund", "partial_refund", "coupon"):
                comp_cents = o.paid_cents if comp_type == "refund" else min(o.paid_cents, rng.choice((500, 1000, 2000)))
            if comp_type == "coupon":
                self.coupons.append((p.id, "cash", comp_cents, 0, None, ts(comp_at),
                                     (comp_at.date() + dt.timedelta(days=60)).isoformat(), None, None,
                                     "complaint", cid, ""))
        resolved = step_times[-1] if steps_done == 5 else None
        status = "closed" if resolved and rng.random() < 0.7 else ("resolved" if resolved else "open")
        self.complaints.append((
            cid, p.id, o.id, kind, rng.choice(("wechat", "wechat", "phone", "platform_chat")),
            data.COMPLAINT_TEXTS[kind], status, ts(opened), ts(first_response), ts(resolved),
            ts(resolved) if status == "closed" else None, comp_type, comp_cents, comp_points, ts(comp_at),
            "顾客满意" if resolved else "", ts(opened), ts(step_times[-1] if step_times else opened),
        ))
        if first_response is not None:
            self.contacts.append((p.id, ts(first_response), "wechat", "aftersales", 0, cid, None, "contacted",
                                  "", data.COMPLAINT_STEP_NOTES[0]))

    def fresh_cases(self, customers: int) -> None:
        """Today's after-sales work, about one of each per 1,500 customers: a complaint opened yesterday
        and not answered yet (its first response falls due today), a mid/bad review written today or
        yesterday that nobody has contacted yet, and a complaint compensated a week ago whose follow-up
        falls due today."""
        rng = self.rng
        pool = [o for o in self._recent if o.platform in REVIEW_PLATFORMS and not o.person.risk_buyer]
        picks = rng.sample(pool, min(len(pool), 3 * max(1, round(customers / 1500))))
        for i, o in enumerate(picks):
            [self._unanswered_complaint, self._uncontacted_review, self._compensated_complaint][i % 3](o)

    def _complaint_row(self, o: Placed, opened: dt.datetime, steps_done: int, comp: tuple) -> None:
        rng, cid = self.rng, len(self.complaints) + 1
        kind = COMPLAINT_KIND(rng)
        moments = [opened + dt.timedelta(hours=2 * step) for step in range(1, steps_done + 1)]
        for step, moment in enumerate(moments, start=1):
            self.steps.append((cid, step, ts(moment), data.COMPLAINT_STEP_NOTES[step - 1]))
        comp_type, comp_cents, comp_at = comp
        self.complaints.append((
            cid, o.person.id, o.id, kind, "wechat", data.COMPLAINT_TEXTS[kind], "open", ts(opened),
            ts(moments[0]) if moments else None, None, None, comp_type, comp_cents, 0, ts(comp_at), "",
            ts(opened), ts(moments[-1] if moments else opened)))
        if moments:
            self.contacts.append((o.person.id, ts(moments[0]), "wechat", "aftersales", 0, cid, None, "contacted",
                                  "", data.COMPLAINT_STEP_NOTES[0]))

    def _unanswered_complaint(self, o: Placed) -> None:
        opened = dt.datetime.combine(self.today - dt.timedelta(days=1), dt.time(self.rng.randint(12, 19),
                                                                                self.rng.randrange(60)))
        self._complaint_row(o, opened, 0, ("", 0, None))

    def _compensated_complaint(self, o: Placed) -> None:
        compensated = dt.datetime.combine(self.today - dt.timedelta(days=7), dt.time(16, self.rng.randrange(60)))
        self._complaint_row(o, compensated - dt.timedelta(hours=8), 4,
                            ("partial_refund", min(o.paid_cents, self.rng.choice((500, 1000, 2000))), compensated))

    def _uncontacted_review(self, o: Placed) -> None:
        rng, rid = self.rng, len(self.reviews) + 1
        level = "bad" if rng.random() < 0.45 else "mid"
        day = self.today - dt.timedelta(days=rng.randint(0, 1))
        created = dt.datetime.combine(day, dt.time(rng.randint(8, 18), rng.randrange(60)))
        deadline = day + dt.timedelta(days=30) if o.platform in ("taobao", "tmall") else None
        self.reviews.append((
            rid, o.person.id, o.id, o.platform, level, day.isoformat(), rng.choice(data.REVIEW_TEXTS[level]),
            rng.choice(data.REVIEW_REASONS[:-1]), "cash", 500 if level == "mid" else 1000, "", None,
            deadline.isoformat() if deadline else None, "open", 0, 0, 0, 0, 0, "", ts(created), ts(created)))

    # -- mid and bad reviews -----------------------------------------------------------------------
    def _review(self, o: Placed) -> None:
        rng, p = self.rng, o.person
        assert o.delivered_at is not None  # on_order reviews delivered orders only
        rid = len(self.reviews) + 1
        level = "bad" if p.risk_buyer or rng.random() < 0.45 else "mid"
        day = o.delivered_at.date() + dt.timedelta(days=rng.randint(0, 5))
        if day > self.today:
            return
        open_now = (self.today - day).days <= 5
        outcome, outcome_at, status = "", None, "open"
        if not open_now:
            outcome = "unchanged" if p.risk_buyer else REVIEW_OUTCOME(rng)
            outcome_at = dt.datetime.combine(day, dt.time(rng.randint(10, 21))) + dt.timedelta(days=rng.randint(0, 3))
            status = "closed"
        signs = [int(p.risk_buyer and rng.random() < 0.75) for _ in range(5)]
        deadline = day + dt.timedelta(days=30) if o.platform in ("taobao", "tmall") else None
        offer = ("cash", 500 if level == "mid" else 1000) if not p.risk_buyer else ("", 0)
        created = dt.datetime.combine(day, dt.time(rng.randint(8, 22), rng.randrange(60)))
        self.reviews.append((
            rid, p.id, o.id, o.platform, level, day.isoformat(), rng.choice(data.REVIEW_TEXTS[level]),
            "职业差评" if p.risk_buyer else rng.choice(data.REVIEW_REASONS[:-1]), offer[0], offer[1], outcome,
            ts(outcome_at), deadline.isoformat() if deadline else None, status, *signs,
            "账号新注册，拒绝平台聊天" if p.risk_buyer else "", ts(created), ts(outcome_at or created),
        ))
        call = created + dt.timedelta(hours=rng.uniform(0.5, 6))
        reached = rng.random() < 0.55
        self.contacts.append((p.id, ts(call), "phone", "aftersales", 0, None, rid,
                              "contacted" if reached else "no_answer", "", ""))
        if not reached:
            self.contacts.append((p.id, ts(call + dt.timedelta(minutes=rng.randint(5, 90))), "wechat",
                                  "aftersales", 0, None, rid, "contacted", "", ""))

    # -- coupons and points ------------------------------------------------------------------------
    def _used_coupon(self, o: Placed) -> None:
        rng = self.rng
        issued = o.created - dt.timedelta(days=rng.randint(2, 40), hours=rng.randint(0, 12))
        threshold = 10000 if o.coupon_cents <= 1000 and o.goods_cents >= 10000 else 0
        self.coupons.append((
            o.person.id, "threshold" if threshold else "cash", o.coupon_cents, threshold, None, ts(issued),
            (issued.date() + dt.timedelta(days=60)).isoformat(), ts(o.paid_at),
            o.id if o.paid_at else None, "manual", None, "",
        ))

    def _add_points(self, p: Person, at: dt.datetime, delta: int, reason: str, order_id: int | None,
                    complaint_id: int | None = None) -> None:
        balance = self._points_balance.get(p.id, 0) + delta
        self.points.append((p.id, ts(at), delta, reason, order_id, complaint_id, ""))
        if balance >= 1000 and self.rng.random() < 0.15:
            redeem = -(balance // 500) * 500
            self.points.append((p.id, ts(at + dt.timedelta(days=self.rng.randint(1, 20))), redeem, "redeem",
                                None, None, "积分抵现"))
            balance += redeem
        self._points_balance[p.id] = balance

    def finish(self, people: list[Person]) -> None:
        """Coupons issued but not used (some expired, some still open) and joining points."""
        rng = self.rng
        joins = [(p.id, ts(p.joined), 100, "join", None, None, "入会礼") for p in people if p.member]
        self.points = joins + self.points
        for p in people:
            if rng.random() >= 0.08:
                continue
            kind = rng.choice(("cash", "threshold", "free_shipping", "birthday", "discount"))
            issued = dt.datetime.combine(self.today - dt.timedelta(days=rng.randint(0, 120)), dt.time(10, 0))
            if issued < p.joined:
                continue
            value = {"cash": 1000, "threshold": 2000, "free_shipping": 1000, "birthday": 2000}.get(kind, 0)
            self.coupons.append((
                p.id, kind, value, 20000 if kind == "threshold" else 0, 95 if kind == "discount" else None,
                ts(issued), (issued.date() + dt.timedelta(days=rng.choice((30, 60, 90)))).isoformat(), None,
                None, "manual", None, "",
            ))
