#!/usr/bin/env python3
"""Writes scenarios/medium_chain.json: the medium-scale network the three scenarios extend.

50 stores in 10 zones, 2 DCs, 3 carriers, 200 SKUs in 10 categories. Run it again after
changing a number here; the output is deterministic (no randomness, fixed key order).
"""
import json
import pathlib

# name, price range ($), unit cost share of price, return propensity, demand weight, hero index
CATEGORIES = [
    ("tops", (15, 45), 0.35, 0.12, 1.4),
    ("bottoms", (30, 80), 0.35, 0.16, 1.1),
    ("outerwear", (60, 200), 0.40, 0.14, 0.6),
    ("footwear", (50, 160), 0.45, 0.18, 1.2),
    ("activewear", (25, 90), 0.38, 0.13, 1.0),
    ("accessories", (10, 50), 0.30, 0.05, 1.0),
    ("bags", (30, 150), 0.35, 0.06, 0.6),
    ("home-textiles", (20, 90), 0.40, 0.05, 0.8),
    ("home-decor", (15, 120), 0.45, 0.04, 0.7),
    ("beauty", (8, 60), 0.30, 0.03, 1.6),
]
SKUS_PER_CATEGORY = 20
CHAIN_UNITS_PER_DAY = 4000  # about 20 units per SKU per day on average
HEROES = {"footwear-01", "activewear-01"}
# Lines per online order: the Olist Brazilian e-commerce public data set (Kaggle, 2016-2018) has
# 112,650 order items on 98,666 orders, 1.14 items per order. Store walk-ins keep one line (they
# buy at the shelf line by line either way).
ONLINE_LINES_PER_ORDER = 1.14

ZONES = [  # name, demand weight, DC, carrier
    ("north-east", 1.6, "dc-east", "parcelco"),
    ("east", 1.3, "dc-east", "parcelco"),
    ("south-east", 1.1, "dc-east", "swiftship"),
    ("central", 0.9, "dc-east", "parcelco"),
    ("north", 0.8, "dc-east", "regional-express"),
    ("south", 1.0, "dc-west", "swiftship"),
    ("midwest", 0.9, "dc-west", "regional-express"),
    ("mountain", 0.6, "dc-west", "swiftship"),
    ("south-west", 0.9, "dc-west", "swiftship"),
    ("west", 1.5, "dc-west", "parcelco"),
]
STORE_WEIGHTS = [1.4, 1.1, 1.0, 0.8, 0.7]  # five stores a zone, flagship first
FAR_ZONES = {"north", "mountain"}  # a longer truck run from their DC


def catalog():
    skus = []
    total_weight = sum(c[4] for c in CATEGORIES)
    for name, (low, high), cost_share, returns, weight in CATEGORIES:
        category_units = CHAIN_UNITS_PER_DAY * weight / total_weight
        zipf = [1 / (i + 1) ** 0.9 for i in range(SKUS_PER_CATEGORY)]
        for i in range(SKUS_PER_CATEGORY):
            sku = f"{name}-{i + 1:02d}"
            # Prices spread over the range, the best sellers in the middle of it.
            price = low + (high - low) * ((i * 7) % SKUS_PER_CATEGORY) / (SKUS_PER_CATEGORY - 1)
            price = round(price) - 0.01
            entry = {
                "name": sku,
                "category": name,
                "list_price": price,
                "unit_cost": round(price * cost_share, 2),
                "return_propensity": returns,
                "base_demand_per_day": round(category_units * zipf[i] / sum(zipf), 2),
            }
            if sku in HEROES:
                entry["hero"] = True
            skus.append(entry)
    return {"categories": [c[0] for c in CATEGORIES], "skus": skus}


def network():
    zones, stores, lanes = [], [], []
    for zone, weight, dc, carrier in ZONES:
        zones.append({"name": zone, "demand_weight": weight, "dc": dc, "carrier": carrier})
        for i, store_weight in enumerate(STORE_WEIGHTS):
            store = {"name": f"store-{zone}-{i + 1}", "zone": zone, "demand_weight": store_weight,
                     "online_allocation": 0.8}
            if i == 0:
                store["ship_from_store"] = True
            stores.append(store)
            far = zone in FAR_ZONES
            lanes.append({"from": dc, "to": store["name"], "transit_hours": {
                "distribution": "triangular", "min": 16 if far else 8, "mode": 28 if far else 16,
                "max": 60 if far else 36}})
    # A day and a swing shift cover the day's orders up to the evening peak; two pickers work
    # the night, when few orders come in.
    pick_shifts = [{"staff": 6, "start_hour": 6, "hours": 8},
                   {"staff": 6, "start_hour": 14, "hours": 8},
                   {"staff": 2, "start_hour": 22, "hours": 8}]
    dcs = [{"name": name, "shifts": pick_shifts,
            "pick_minutes": {"distribution": "lognormal", "mean": 5, "sd": 2},
            "supplier_lead_days": {"distribution": "uniform", "min": 8, "max": 16},
            "handling_hours": 6} for name in ("dc-east", "dc-west")]
    return {"zones": zones, "dcs": dcs, "stores": stores, "lanes": lanes}


def carrier(name, cutoff, capacity, exception_rate, damage_share, cost, expedited_cost):
    return {
        "name": name, "pickup_cutoff_hour": cutoff, "capacity_per_day": capacity,
        "exception_rate": exception_rate, "damage_share": damage_share,
        "late_scan_delay_hours": {"distribution": "uniform", "min": 12, "max": 48},
        "services": {
            "standard": {"transit_days": {"distribution": "triangular", "min": 1, "mode": 2,
                                          "max": 4}, "promise_days": 4, "cost": cost},
            "expedited": {"transit_days": {"distribution": "uniform", "min": 0.6, "max": 1.2},
                          "promise_days": 1, "cost": expedited_cost},
        },
    }


def hours_profile(kind):
    if kind == "store":
        return [0, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.8, 1.1, 1.4, 1.8, 1.7, 1.3, 1.2, 1.4, 1.8, 2.0,
                1.6, 1.0, 0.5, 0, 0]
    return [0.35, 0.2, 0.15, 0.1, 0.1, 0.15, 0.35, 0.6, 0.85, 1.0, 1.05, 1.15, 1.3, 1.2, 1.1,
            1.05, 1.1, 1.25, 1.45, 1.7, 1.85, 1.7, 1.2, 0.65]


def scenario():
    return {
        "name": "medium chain",
        "description": (
            "The medium-scale network the three scenarios extend: 50 stores in 10 zones, 2 DCs "
            "(dc-east for the five eastern zones, dc-west for the five western ones), 3 carriers "
            "and 200 SKUs in 10 categories of apparel, footwear, accessories, home and beauty "
            "(written by tools/make_medium_chain.py). About 4,000 units a day chain-wide: 55% "
            "in stores, 28% web, 10% marketplace, 7% BOPIS; within each category demand falls "
            "with popularity rank (Zipf, exponent 0.9), so the top SKU of a category sells about "
            "six times its twentieth. Heroes: footwear-01 (the running shoe) and activewear-01. "
            "Unit costs are 30-45% of price; return propensities run from 3% (beauty) to 18% "
            "(footwear), as in apparel retail. Each DC has 6 pickers on the day shift (06:00-14:00), "
            "6 on the swing shift (14:00-22:00) and 2 at night, at about 5 minutes a pick, "
            "an 8-16 day supplier lead time, a reorder "
            "point of 16 days of cover and an order-up-to of 32; stores review daily, reorder at "
            "5 days and order up to 12, start with 10 days (DCs 24). Availability syncs every 15 "
            "minutes, the marketplace feed every 4 hours. Carriers quote 4 days standard, 1 day "
            "expedited; 2-5% of parcels have an exception. The contact centre has 3 agents from "
            "08:00 to 20:00 and 1 until midnight, every day; contacts made at night wait for the "
            "morning."),
        "seed": 2026,
        "replications": 30,
        "horizon_days": 91,
        "catalog": catalog(),
        "network": network(),
        "replenishment": {
            "stores": {"policy": "s_S", "reorder_point": 5, "order_up_to": 12,
                       "unit": "days_of_cover", "review_every_hours": 24},
            "dcs": {"policy": "s_S", "reorder_point": 16, "order_up_to": 32,
                    "unit": "days_of_cover", "review_every_hours": 24},
        },
        "initial_days_of_cover": {"stores": 10, "dcs": 24},
        "channels": {
            "store": {"demand_weight": 55, "day_of_week": [0.85, 0.85, 0.9, 0.95, 1.1, 1.35, 1.2],
                      "hour_of_day": hours_profile("store"), "service": "standard"},
            "web": {"demand_weight": 28, "day_of_week": [1.05, 1.0, 1.0, 0.95, 0.9, 0.95, 1.15],
                    "hour_of_day": hours_profile("web"), "service": "standard",
                    "basket_size": ONLINE_LINES_PER_ORDER},
            "marketplace": {"demand_weight": 10, "day_of_week": [1, 1, 1, 1, 0.95, 1, 1.05],
                            "hour_of_day": hours_profile("web"), "service": "standard",
                            "basket_size": ONLINE_LINES_PER_ORDER},
            "bopis": {"demand_weight": 7, "day_of_week": [0.9, 0.9, 0.9, 1.0, 1.1, 1.25, 1.1],
                      "hour_of_day": hours_profile("store"), "service": "standard",
                      "basket_size": ONLINE_LINES_PER_ORDER},
        },
        "demand": {
            "price_elasticity": 1.5,
            "out_of_stock": {"substitute": 0.3, "defer": 0.2,
                             "defer_hours": {"distribution": "uniform", "min": 24, "max": 72},
                             "max_deferrals": 1},
            "promo_mismatch": {"abandon": 0.25, "return_uplift": 0.15},
        },
        "carriers": [
            carrier("parcelco", 17, 2500, 0.03, 0.25, 6.5, 15),
            carrier("swiftship", 18, 2000, 0.05, 0.2, 7.25, 15),
            carrier("regional-express", 16, 1200, 0.02, 0.2, 5.95, 13),
        ],
        "availability": {"sync_interval_minutes": 15, "latency_minutes": 5,
                         "marketplace_feed_hours": 4, "safety_stock_units": 1},
        "orders": {"oversell": "cancel", "routing_latency_minutes": 5,
                   "promise_handling_hours": 24, "bopis_ready_hours": 2,
                   "bopis_pickup_delay_hours": {"distribution": "lognormal", "mean": 20,
                                                "sd": 12},
                   "reship_damaged": True},
        "returns": {
            "reasons": {
                "size_fit": {"share": 0.45,
                             "disposition": {"restock": 0.85, "refurbish": 0.05,
                                             "liquidate": 0.1}},
                "damaged": {"share": 0.15, "disposition": {"liquidate": 0.6, "destroy": 0.4}},
                "not_as_described": {"share": 0.15,
                                     "disposition": {"restock": 0.6, "refurbish": 0.2,
                                                     "liquidate": 0.2}},
                "changed_mind": {"share": 0.25,
                                 "disposition": {"restock": 0.9, "refurbish": 0.05,
                                                 "liquidate": 0.05}},
            },
            "sizing_content_quality": 0.85, "sizing_sensitivity": 2,
            "packaging_standard": 0.95, "packaging_sensitivity": 2,
            "decision_days": {"distribution": "uniform", "min": 3, "max": 14},
            "transit_days": {"distribution": "uniform", "min": 2, "max": 5},
            "grading_hours": {"distribution": "uniform", "min": 24, "max": 72},
            "refurbish_days": {"distribution": "triangular", "min": 3, "mode": 5, "max": 10},
            "label_cost": 6.5, "handling_cost": 3.0, "refurbish_cost": 5.0, "destroy_cost": 1.0,
            "liquidation_recovery": 0.3,
        },
        "customer_service": {
            "reasons": {
                "late_delivery": {"probability": 0.3, "appeasement_rate": 0.25,
                                  "appeasement": 10.0},
                "cancellation": {"probability": 0.4, "appeasement_rate": 0.3, "appeasement": 5.0},
                "damaged": {"probability": 0.6, "appeasement_rate": 0.5, "appeasement": 15.0},
                "return_request": {"probability": 0.15, "appeasement_rate": 0.05,
                                   "appeasement": 5.0},
                "promo_mismatch": {"probability": 0.35, "appeasement_rate": 0.2,
                                   "appeasement": 5.0},
            },
            "shifts": [{"staff": 3, "start_hour": 8, "hours": 12},
                       {"staff": 1, "start_hour": 20, "hours": 4}],
            "handle_minutes": {"distribution": "exponential", "mean": 8},
            "cost_per_contact": 1.0,
            "wait_appeasement_per_hour": 0.02,
            "marketplace_chargeback": 5.0,
        },
        "kpi": {"report_latency_minutes": 10},
    }


if __name__ == "__main__":
    out = pathlib.Path(__file__).resolve().parent.parent / "scenarios" / "medium_chain.json"
    out.write_text(json.dumps(scenario(), indent=2) + "\n")
    print(f"wrote {out}")
