"""The one list of pages in the main window's navigation, in order. Add a page here and nowhere else."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.pages.base import Page
from ui.session import Session


@dataclass(frozen=True)
class PageSpec:
    """key: stable id (QSettings, tests); title: source text in context "Navigation"; create: the factory."""

    key: str
    title: str
    icon: str
    create: Callable[[Session], Page]


def _placeholder(title: str, description: str, icon_name: str) -> Callable[[Session], Page]:
    def create(session: Session) -> Page:
        from ui.pages.placeholder import PlaceholderPage

        return PlaceholderPage(title, description, icon_name)

    return create


def _customers(session: Session) -> Page:
    from core.customers import CustomerService
    from core.orders import OrderService
    from core.tags import TagService
    from ui.pages.customers import CustomersPage

    book = session.book
    return CustomersPage(CustomerService(book), OrderService(book), TagService(book), session.settings,
                         session.today, session.tasks, lane=session.lane)


def _orders(session: Session) -> Page:
    from core.customers import CustomerService
    from core.orders import OrderService
    from core.products import ProductService
    from ui.pages.orders import OrdersPage

    book = session.book
    return OrdersPage(OrderService(book), ProductService(book), CustomerService(book), session.settings,
                      session.today, session.tasks, lane=session.lane)


def _today(session: Session) -> Page:
    from core.customers import CustomerService
    from core.reminders.service import ReminderService
    from ui.pages.today import TodayPage

    first_read, session.launch_today = session.launch_today, None  # shown by the first Today page only
    return TodayPage(ReminderService(session.book), CustomerService(session.book), session.tasks, session.today,
                     lane=session.lane, first_read=first_read)


def _analytics(session: Session) -> Page:
    from core.analytics import AnalyticsService
    from ui.pages.analytics import AnalyticsPage

    return AnalyticsPage(AnalyticsService(session.book), session.tasks, session.today)


def _aftersales(session: Session) -> Page:
    from core.aftersales.service import AftersalesService
    from core.customers import CustomerService
    from core.orders import OrderService
    from ui.pages.aftersales import AftersalesPage

    book = session.book
    return AftersalesPage(AftersalesService(book), CustomerService(book), OrderService(book), session.settings,
                          clock=session.now, lane=session.lane)


def _marketing(session: Session) -> Page:
    from core.marketing.service import MarketingService
    from ui.pages.marketing import MarketingPage

    return MarketingPage(MarketingService(session.book), session.today, lane=session.lane)


def _settings(session: Session) -> Page:
    from core.aftersales.service import AftersalesService
    from core.analytics.thresholds import ThresholdService
    from core.marketing.service import MarketingService
    from core.reminders.service import ReminderService
    from core.shop import ShopService
    from ui.dialogs.aftersales_settings import AftersalesSettingsSection
    from ui.dialogs.loyalty_settings import LoyaltySettingsSection
    from ui.pages.settings import SettingsPage
    from ui.widgets.reminder_settings import ReminderSettingsWidget
    from ui.widgets.shop_settings import ShopSettingsSection
    from ui.widgets.threshold_settings import ThresholdSettingsSection

    return SettingsPage(session.settings, session.book_path,
                        sections=[ShopSettingsSection(ShopService(session.book), lane=session.lane),
                                  ReminderSettingsWidget(ReminderService(session.book), session.today,
                                                         lane=session.lane),
                                  AftersalesSettingsSection(AftersalesService(session.book), lane=session.lane),
                                  LoyaltySettingsSection(MarketingService(session.book), session.today, lane=session.lane),
                                  ThresholdSettingsSection(ThresholdService(session.book), session.today,
                                                           tasks=session.tasks, lane=session.lane)])


TODAY = QT_TRANSLATE_NOOP("Navigation", "Today")
AFTER_SALES = QT_TRANSLATE_NOOP("Navigation", "After-sales")
ANALYTICS = QT_TRANSLATE_NOOP("Navigation", "Analytics")
MARKETING = QT_TRANSLATE_NOOP("Navigation", "Marketing")

PAGES: list[PageSpec] = [
    PageSpec("today", TODAY, "today", _today),
    PageSpec("customers", QT_TRANSLATE_NOOP("Navigation", "Customers"), "customers", _customers),
    PageSpec("orders", QT_TRANSLATE_NOOP("Navigation", "Orders"), "orders", _orders),
    PageSpec("aftersales", AFTER_SALES, "aftersales", _aftersales),
    PageSpec("analytics", ANALYTICS, "analytics", _analytics),
    PageSpec("marketing", MARKETING, "marketing", _marketing),
    PageSpec("settings", QT_TRANSLATE_NOOP("Navigation", "Settings"), "settings", _settings),
]


def page_spec(key: str) -> PageSpec:
    return next(spec for spec in PAGES if spec.key == key)
