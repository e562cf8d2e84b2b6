"""One short description per ACLED-style subtype, written for newsloom from ACLED's codebook categories.

Used only as extra training examples by train_acled.py (never as test data): with ~10 labelled snippets per
subtype, a definition gives each class its core vocabulary, and EXAMPLES (four short made-up reports per
subtype, written from the codebook's distinctions: lethal force against peaceful protesters vs. dispersal or
arrests vs. violent demonstrators; territory taken by fighting vs. handed over; troop movements as a change
to a group's activity; displacement as OTHER) give it the ways news states it.
"""

DEFINITIONS = {
    "ABDUCT_DISSAP": "Armed men abducted and kidnapped civilians, who disappeared and are missing; hostages were taken.",
    "AGREEMENT": "The warring parties signed a peace agreement and a ceasefire deal, agreeing to a truce and an accord.",
    "AIR_STRIKE": "Warplanes and drones carried out airstrikes and air raids, bombing targets from the air.",
    "ARMED_CLASH": "Government forces and rebels clashed in armed fighting, exchanging fire in a gun battle.",
    "ARREST": "Police arrested and detained suspects, taking activists into custody.",
    "ART_MISS_ATTACK": "Artillery shelling, mortar rounds, rockets and missiles were fired at the town from a distance.",
    "ATTACK": "Gunmen attacked and shot civilians, killing and wounding people in an armed assault.",
    "ATTRIB": "The militant group claimed responsibility for the attack in a statement.",
    "CHANGE_TO_GROUP_ACT": "The group changed its activity: it imposed a curfew, banned gatherings, recruited fighters or announced a new leader.",
    "CHEM_WEAP": "A chemical weapons attack with chlorine, sarin or toxic gas left people choking.",
    "DIPLO": "Foreign ministers held diplomatic talks and met during an official visit to discuss bilateral relations.",
    "DISR_WEAP": "Security forces seized a weapons cache, defused explosives and confiscated ammunition before they were used.",
    "FORCE_AGAINST_PROTEST": "Police used tear gas, water cannon, batons and rubber bullets to disperse peaceful protesters.",
    "GOV_REGAINS_TERIT": "The army regained control of the town, recapturing and liberating territory from militants.",
    "GRENADE": "A hand grenade was thrown and exploded, injuring people.",
    "HQ_ESTABLISHED": "The armed group established a new headquarters and base in the area.",
    "MAN_MADE_DISASTER": "A fire, explosion, building collapse or industrial accident killed workers; a train derailed and a factory burned.",
    "MOB_VIOL": "An angry mob attacked and lynched a man accused of theft; vigilantes beat people.",
    "NATURAL_DISASTER": "An earthquake, floods, a cyclone, landslides or drought killed people and destroyed homes.",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Militants and insurgents seized control of the town, capturing territory after government troops fell back.",
    "NON_VIOL_TERRIT_TRANSFER": "Forces withdrew and handed over control of the area without fighting.",
    "ORG_CRIME": "A drug cartel and criminal gangs were involved in smuggling, trafficking, extortion and robbery.",
    "OTHER": "Other political events of note that fit no other category.",
    "PEACE_PROTEST": "Thousands of people held a peaceful protest march and rally, demonstrating with banners.",
    "PROPERTY_DISTRUCT": "Attackers destroyed and burned property, houses, shops and vehicles, looting and razing buildings.",
    "PROTEST_WITH_INTER": "Protesters gathered but police intervened, blocking the march and preventing the demonstration.",
    "REM_EXPLOS": "A roadside bomb, improvised explosive device (IED), landmine or car bomb detonated by remote.",
    "SEX_VIOL": "Soldiers raped women; cases of sexual violence and sexual assault were reported.",
    "SUIC_BOMB": "A suicide bomber blew himself up, detonating an explosive vest in a suicide attack.",
    "VIOL_DEMONSTR": "Rioters turned violent, throwing stones, torching vehicles and vandalising property during the demonstration.",
}

EXAMPLES = {
    "ABDUCT_DISSAP": [
        "Gunmen kidnapped a village chief and two aid workers on the road and took them to an unknown location.",
        "Family members say the activist was taken from his home by men in plain clothes and has not been seen since.",
        "Militants abducted 20 passengers from a bus and are holding them hostage, demanding a ransom.",
        "The rights group documented the enforced disappearance of dozens of young men detained at checkpoints.",
    ],
    "AGREEMENT": [
        "The government and the rebel movement signed a ceasefire agreement in the capital on Sunday.",
        "Both sides agreed to a prisoner exchange and the reopening of the border crossing under the deal.",
        "Tribal elders brokered a truce between the two clans after weeks of fighting.",
        "Under the accord, the armed group will hand over its weapons and join the political process.",
    ],
    "AIR_STRIKE": [
        "Coalition jets struck militant positions near the town overnight, killing several fighters.",
        "A drone strike hit a vehicle carrying suspected militants in the province.",
        "Government aircraft bombed a market in the rebel-held district, killing civilians.",
        "Helicopters fired on insurgent hideouts in the mountains, the army said.",
    ],
    "ARMED_CLASH": [
        "Soldiers and insurgents exchanged gunfire for several hours near the border, leaving fighters dead on both sides.",
        "Heavy fighting erupted between rival militias in the southern district on Monday.",
        "Troops repelled an attack by rebels on an army post, and the battle lasted until dawn.",
        "Security forces engaged the militants in a gun battle during a raid on their hideout.",
    ],
    "ARREST": [
        "Police detained the opposition leader at his home and took him to a police station.",
        "Security forces arrested 15 suspected members of the militant group in overnight raids.",
        "Authorities took a journalist into custody on charges of spreading false news.",
        "The suspect was apprehended at the airport and remanded in custody.",
    ],
    "ART_MISS_ATTACK": [
        "Rebels fired rockets at the airport, damaging a runway.",
        "Government forces shelled residential areas of the besieged town with heavy artillery.",
        "Mortar shells landed on a school, killing two children.",
        "A ballistic missile was launched at the city and intercepted by air defences.",
    ],
    "ATTACK": [
        "Gunmen on motorcycles opened fire on villagers, killing five people.",
        "Unidentified attackers shot dead a local official outside his home.",
        "Militants raided a village, killing civilians and burning houses.",
        "Soldiers fired on unarmed civilians at a checkpoint, witnesses said.",
    ],
    "ATTRIB": [
        "The militant group claimed responsibility for the bombing through its news agency.",
        "Officials blamed the rebels for the attack on the convoy.",
        "The government accused the neighbouring country of being behind the strike on the oil facility.",
        "No group has claimed the killing, but authorities suspect the insurgents.",
    ],
    "CHANGE_TO_GROUP_ACT": [
        "The army deployed reinforcements and armoured vehicles to the front line ahead of an offensive.",
        "The rebel group announced the merger of its brigades under a new commander.",
        "Troops withdrew from their positions and moved to a base near the capital.",
        "The militia sent hundreds of fighters and heavy weapons to the province.",
    ],
    "CHEM_WEAP": [
        "Residents reported a strong smell of chlorine after a barrel bomb fell, and dozens suffered breathing problems.",
        "Inspectors concluded that sarin was used in the attack on the town.",
        "Victims of the suspected gas attack were treated for suffocation and foaming at the mouth.",
        "The watchdog said a toxic chemical was used as a weapon.",
    ],
    "DIPLO": [
        "The president received the visiting foreign minister to discuss cooperation between the two countries.",
        "The envoy held talks with the rebel leaders on a political settlement.",
        "The country recalled its ambassador and expelled two diplomats.",
        "Leaders met at the summit and discussed the crisis.",
    ],
    "DISR_WEAP": [
        "Police found and defused an explosive device planted near the market.",
        "Soldiers discovered a cache of rifles, grenades and ammunition in a hideout.",
        "Bomb disposal experts cleared landmines from the road.",
        "Border guards seized a shipment of weapons and explosives.",
    ],
    "FORCE_AGAINST_PROTEST": [
        "Security forces fired live ammunition at peaceful demonstrators, killing several protesters.",
        "Police opened fire on a crowd of protesters, wounding dozens.",
        "Troops violently dispersed the peaceful sit-in, leaving protesters dead and injured.",
        "Several demonstrators were seriously injured when police beat them during a peaceful march.",
    ],
    "GOV_REGAINS_TERIT": [
        "Government troops recaptured the town from the rebels after a week-long offensive.",
        "The army announced it had retaken the district and cleared it of militants.",
        "Security forces regained control of the border crossing from insurgents.",
        "Soldiers liberated several villages held by the militants.",
    ],
    "GRENADE": [
        "An attacker hurled a grenade into a crowded market, wounding several people.",
        "A grenade exploded outside a police station, injuring two officers.",
        "Unknown men threw a hand grenade at a house.",
        "A grenade attack on a bar left one person dead.",
    ],
    "HQ_ESTABLISHED": [
        "The rebels set up a new base in the captured village.",
        "The armed group opened a headquarters in the town after taking it.",
        "Militants established a command centre in the abandoned school.",
        "The militia established a permanent post in the area.",
    ],
    "MAN_MADE_DISASTER": [
        "A fire at a garment factory killed dozens of workers.",
        "A gas explosion destroyed a residential building, killing residents.",
        "A building under construction collapsed, trapping labourers.",
        "A boat carrying migrants capsized and many drowned.",
    ],
    "MOB_VIOL": [
        "A mob beat a man to death after accusing him of stealing.",
        "Villagers attacked and lynched two suspected thieves.",
        "An angry crowd set fire to the house of a man accused of blasphemy.",
        "Rival groups of youths attacked each other with machetes in communal violence.",
    ],
    "NATURAL_DISASTER": [
        "Heavy rains triggered floods and landslides, killing dozens and displacing thousands.",
        "A strong earthquake struck the region, destroying homes.",
        "The cyclone made landfall, flattening villages.",
        "Drought has left millions facing food shortages.",
    ],
    "NON_STATE_ACTOR_OVERTAKES_TER": [
        "Rebels took control of the town after heavy fighting with government troops.",
        "Militants captured a district headquarters and raised their flag.",
        "The insurgents overran an army base and seized the surrounding villages.",
        "Fighters of the armed group seized the provincial capital.",
    ],
    "NON_VIOL_TERRIT_TRANSFER": [
        "Government forces withdrew from the town and the militants entered it without a fight.",
        "Control of the area was handed over to the other side under the agreement.",
        "The rebels took over the village after the army abandoned its positions, meeting no resistance.",
        "Troops pulled out of the city and the militia moved in peacefully.",
    ],
    "ORG_CRIME": [
        "Members of a criminal gang robbed a bank and shot a guard.",
        "Police dismantled a drug trafficking network and seized cocaine.",
        "Cartel gunmen killed rivals in a turf war.",
        "Smugglers were caught moving contraband across the border.",
    ],
    "OTHER": [
        "Thousands of families fled their homes as fighting approached, the UN refugee agency said.",
        "Aid agencies delivered food to displaced people in the camps.",
        "Residents returned to the town after it was declared safe.",
        "The authorities expelled hundreds of migrants across the border.",
    ],
    "PEACE_PROTEST": [
        "Hundreds of workers demonstrated outside parliament demanding higher wages.",
        "Students staged a peaceful march through the city against the new law.",
        "Residents blocked a road in protest against power cuts, and the protest ended peacefully.",
        "Farmers held a rally and a sit-in to demand better prices.",
    ],
    "PROPERTY_DISTRUCT": [
        "Attackers set fire to a church and several shops.",
        "Militants blew up a bridge and destroyed a mobile phone tower.",
        "Unknown people vandalised the offices of the party.",
        "Settlers damaged olive trees and cars in the village.",
    ],
    "PROTEST_WITH_INTER": [
        "Police arrested dozens of protesters at an unauthorised rally.",
        "Police used tear gas to disperse demonstrators who had gathered in the square.",
        "Officers detained activists and broke up the peaceful demonstration.",
        "Police blocked the march and detained several participants.",
    ],
    "REM_EXPLOS": [
        "A roadside bomb struck a military convoy, killing three soldiers.",
        "A car bomb exploded near a checkpoint.",
        "A landmine blast killed two shepherds.",
        "An improvised explosive device went off near a market.",
    ],
    "SEX_VIOL": [
        "Soldiers raped several women during the raid on the village.",
        "The girl was sexually assaulted by members of the militia.",
        "Survivors described gang rape by armed men.",
        "The UN documented cases of sexual violence by security forces.",
    ],
    "SUIC_BOMB": [
        "A suicide bomber detonated his explosive belt at a mosque, killing worshippers.",
        "A suicide car bomb hit the gate of an army base.",
        "A female suicide bomber blew herself up in a crowded market.",
        "The attacker set off a suicide vest at a checkpoint.",
    ],
    "VIOL_DEMONSTR": [
        "Protesters threw stones and petrol bombs at police and set tyres on fire.",
        "Demonstrators clashed with security forces and torched government buildings.",
        "Rioters looted shops and smashed windows during the protest.",
        "Angry protesters attacked a police station and burned vehicles.",
    ],
}
