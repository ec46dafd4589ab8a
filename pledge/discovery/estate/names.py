"""Pools the estate draws from: common English names, fictional Anyshire streets and towns, council staff.

Lists are ordered from most to least common; ``weights`` gives a Zipf-like weight per rank, so "Smith" and
"James" are as common in the estate as term-frequency adjustment in matching expects. Every street, town and
staff member is invented; names are common given names and surnames, not people.
"""

MALE_GIVEN = (
    "James John Robert William David Michael Richard Thomas Christopher Daniel Matthew Andrew Paul Mark Peter Stephen "
    "George Edward Joseph Anthony Simon Jonathan Benjamin Samuel Alexander Oliver Jack Harry Charles Henry Philip "
    "Ian Alan Kenneth Brian Colin Graham Martin Nicholas Timothy Patrick Kevin Gary Lee Craig Adam Luke Ryan Jacob "
    "Joshua Nathan Liam Noah Leo Arthur Frederick Albert Alfred Raymond Ronald Donald Dennis Roger Keith Trevor "
    "Barry Derek Gordon Stuart Neil Russell Dean Wayne Carl Darren Jason Scott Shaun Karl Dominic Gregory Francis "
    "Lawrence Leonard Harold Stanley Reginald Walter Frank Ernest Bernard Norman Sidney Douglas Geoffrey Jeremy "
    "Vincent Victor Theodore Sebastian Tobias Maxwell Isaac Ethan Joel Owen Dylan Callum Connor Lewis Jamie Toby "
    "Oscar Finley Archie Reuben Edmund Rupert Clifford Hugh Malcolm Nigel Terence Roy Eric Cyril Wilfred Clement"
).split()

FEMALE_GIVEN = (
    "Mary Elizabeth Sarah Margaret Susan Patricia Jennifer Linda Barbara Catherine Helen Karen Emma Rebecca Laura "
    "Rachel Claire Nicola Joanne Victoria Charlotte Emily Jessica Sophie Hannah Lucy Amy Olivia Amelia Isabella "
    "Grace Ella Chloe Megan Lauren Katherine Alison Amanda Angela Anne Jane Janet Christine Deborah Julie Dorothy "
    "Joan Jean Pauline Sandra Carol Gillian Judith Ruth Wendy Tracey Lisa Michelle Kelly Donna Louise Natalie "
    "Samantha Stephanie Caroline Rosemary Eleanor Alice Florence Evelyn Edith Doris Irene Maureen Brenda Sheila "
    "Valerie Yvonne Beverley Pamela Josephine Frances Jacqueline Kathleen Theresa Abigail Georgina Harriet Matilda "
    "Penelope Phoebe Ruby Isla Poppy Freya Ivy Daisy Lily Maisie Martha Esther Beatrice Winifred Mildred Lillian "
    "Madeleine Natasha Melanie Melissa Hazel Diana Elaine Shirley Marion Audrey Sylvia Gwendolyn Vivian Prudence"
).split()

SURNAMES = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker "
    "White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris "
    "Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young "
    "Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan "
    "Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali "
    "Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher "
    "Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart "
    "Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill "
    "Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson "
    "Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland "
    "Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke "
    "Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls "
    "Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss "
    "McCarthy Chambers Austin Kerr Sanders Kirby Hodges Stephenson Lambert Sharp Burke Fowler Abbott Mann Hammond "
    "Lucas Thornton Akhtar Hartley Sheppard Ashton Blackburn Benson Iqbal Lyons Rahman Whitehouse Norris Doyle "
    "Greenwood Hancock Jarvis Dale Barton Hewitt Kay Howe Slater Pritchard Kemp Lamb Hale Quinn Tucker Naylor "
    "O'Neill Fraser Farrell Wheeler Briggs Whitaker Dyer Mohamed Goodwin Hurst Cunningham Cartwright Stanley "
    "Frost Schofield Moran Kaye Potter Hargreaves Brennan Rowe Townsend Middleton Whittaker Fenwick Ingram Lindsay"
).split()

# Anyshire's towns and villages (fictional) with the postcode district numbers each uses.
TOWNS = (
    "Anytown",
    "Exampleton",
    "Samplebury",
    "Testford",
    "Mockley",
    "Placeham",
    "Dummingham",
    "Fictonbridge",
    "Illustra Magna",
    "Illustra Parva",
    "Specimen Cross",
    "Templeby",
)

STREET_WORDS = (
    "Acorn Alder Almond Amberley Appleby Arden Ashcombe Aspen Badger Barley Beacon Beech Bellflower Birch Blackthorn "
    "Bluebell Bracken Bramble Briar Brook Buttercup Canal Castle Cedar Chapel Cherry Chestnut Church Clover Cobble "
    "Coppice Cornflower Cowslip Crab Apple Cress Daisy Dell Dingle Dove Elder Elm Fern Fieldfare Finch Foxglove "
    "Furze Garden Gorse Granary Hawthorn Hazel Heath Heather Hedgerow Heron Holly Honeysuckle Hop Juniper Kestrel "
    "Kingfisher Lapwing Larch Lark Laurel Lavender Lilac Lime Linnet Maple Marigold Meadow Mill Mistletoe Moor "
    "Mulberry Nightingale Nutmeg Oak Orchard Osprey Otter Owl Paddock Pear Pebble Pinfold Plover Poplar Primrose "
    "Quarry Quince Rectory Redwing Reed Robin Rookery Rosemary Rowan Saffron Sage School Sedge Sorrel Spinney "
    "Spring Station Swallow Swan Sycamore Tansy Teasel Thistle Thrush Tithe Vicarage Violet Walnut Warren Watermill "
    "Weaver Wharf Wheatsheaf Willow Windmill Wisteria Woodbine Wren Yarrow Yew Abbey Anvil Archer Bakers Barn "
    "Bellringer Brewers Carriers Chandlers Coopers Drovers Farriers Fullers Glovers Masons Millers Potters Ropers "
    "Saddlers Shepherds Smiths Tanners Thatchers Turners Wheelwrights Carters Cordwainers Falconers Foresters "
    "Harvest Lantern Maypole Minstrel Pilgrim Pinnacle Portway Ridgeway Sandpit Saxon Tollgate Wayfarer Weavers"
).split()

STREET_KINDS = (
    "Road",
    "Street",
    "Lane",
    "Close",
    "Avenue",
    "Way",
    "Crescent",
    "Drive",
    "Grove",
    "Gardens",
    "Terrace",
    "Place",
    "Mews",
    "Rise",
    "View",
    "Walk",
    "Court",
)

# Council staff named in case notes and transcripts (fictional; given + family name).
STAFF = (
    "Priya Exampleworth",
    "Tom Caseby",
    "Asha Notewell",
    "Gareth Fieldman",
    "Helen Carewell",
    "Sunita Visitor",
    "Mark Duty",
    "Joy Reviewer",
    "Owen Assessor",
    "Rita Keyworker",
    "Dan Outreach",
    "Fatima Advisor",
)

BOOK_TITLES = (
    "The Silent Orchard",
    "A History of Anyshire",
    "Gardening for Beginners",
    "The Last Lighthouse",
    "Baking Bread",
    "Night Trains",
    "The River Keeper",
    "Walks Around Testford",
    "Learn Spanish",
    "The Clockmaker's Daughter",
)


def weights(count: int, exponent: float = 0.9) -> list[float]:
    """Zipf-like weights for a list ordered most common first."""
    return [1.0 / (rank + 1) ** exponent for rank in range(count)]
