def test_an_internal_flow_must_go_to_another_service() -> None:
    from pledge.register.consistency import check_internal_flow

    assert check_internal_flow({"from_service": "council-tax", "to_service": "council-tax"})[0].field == "to_service"
    assert check_internal_flow({"from_service": "council-tax", "to_service": "housing"}) == []
