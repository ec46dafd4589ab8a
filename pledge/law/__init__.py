"""Pure statutory logic: no Django imports here, every rule cites its law and is tested exhaustively."""
